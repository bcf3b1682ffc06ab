namespace Grains.Runtime.Serialization;

/// <summary>An exception as it crosses the wire: type names (most derived first) and message; never a stack trace.</summary>
internal sealed record WireError(string[] Types, string Message)
{
    public static WireError From(Exception exception)
    {
        if (exception is GrainException { ExceptionTypes.Count: > 0 } nested)
        {
            // A failure of a nested grain call passes through unchanged, so callers see the original type.
            return new WireError([.. nested.ExceptionTypes], nested.Message);
        }

        var types = new List<string>();
        for (var type = exception.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            types.Add(type.FullName ?? type.Name);
        }

        return new WireError([.. types], exception.Message);
    }
}
