namespace Grains.Runtime;

/// <summary>
/// What the caller receives when a grain method throws. The grain's exception does not cross the wire as an
/// object: its type name and message do, so a caller can branch on <see cref="ExceptionType"/>
/// (for example <c>System.ArgumentException</c>) without sharing exception classes with the silo.
/// </summary>
public class GrainException : Exception
{
    public GrainException()
    {
    }

    public GrainException(string message)
        : base(message)
    {
    }

    public GrainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GrainException(IReadOnlyList<string> exceptionTypes, string message, GrainId grainId, string method)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(exceptionTypes);
        ExceptionTypes = exceptionTypes;
        GrainId = grainId;
        Method = method;
    }

    /// <summary>Full name of the exception type the grain threw.</summary>
    public string ExceptionType => ExceptionTypes.Count > 0 ? ExceptionTypes[0] : string.Empty;

    /// <summary>Full names of the thrown exception's type and of its base types, most derived first.</summary>
    public IReadOnlyList<string> ExceptionTypes { get; } = [];

    /// <summary>The grain whose method threw.</summary>
    public GrainId GrainId { get; }

    /// <summary>The method that threw.</summary>
    public string Method { get; } = string.Empty;

    /// <summary>True when the grain threw <typeparamref name="TException"/> or a type derived from it.</summary>
    public bool Is<TException>()
        where TException : Exception =>
        ExceptionTypes.Contains(typeof(TException).FullName!, StringComparer.Ordinal);
}
