using System.Linq.Expressions;
using System.Reflection;

namespace Grains.Runtime.Invocation;

/// <summary>A grain interface method: how to call it on an activation and how a proxy turns it into a message.</summary>
internal sealed class GrainMethod
{
    private static readonly MethodInfo s_awaitTask = typeof(GrainMethod).GetMethod(nameof(AwaitTask), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo s_awaitTaskOfT = typeof(GrainMethod).GetMethod(nameof(AwaitTaskOfT), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo s_awaitValueTask = typeof(GrainMethod).GetMethod(nameof(AwaitValueTask), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo s_awaitValueTaskOfT = typeof(GrainMethod).GetMethod(nameof(AwaitValueTaskOfT), BindingFlags.NonPublic | BindingFlags.Static)!;

    public GrainMethod(MethodInfo method)
    {
        Method = method;
        Name = method.Name;
        ParameterTypes = [.. method.GetParameters().Select(p => p.ParameterType)];
        var returnType = method.ReturnType;
        if (returnType == typeof(Task))
        {
            Kind = ReturnKind.Task;
        }
        else if (returnType == typeof(ValueTask))
        {
            Kind = ReturnKind.ValueTask;
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            Kind = ReturnKind.TaskOfT;
            ResultType = returnType.GetGenericArguments()[0];
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            Kind = ReturnKind.ValueTaskOfT;
            ResultType = returnType.GetGenericArguments()[0];
        }
        else
        {
            throw new NotSupportedException($"Grain method {method.DeclaringType?.Name}.{method.Name} must return Task, Task<T>, ValueTask or ValueTask<T>.");
        }

        if (method.GetParameters().Any(p => p.IsOut || p.ParameterType.IsByRef))
        {
            throw new NotSupportedException($"Grain method {method.DeclaringType?.Name}.{method.Name} cannot have ref or out parameters.");
        }

        Invoker = CompileInvoker();
    }

    public MethodInfo Method { get; }

    public string Name { get; }

    public Type[] ParameterTypes { get; }

    public ReturnKind Kind { get; }

    /// <summary>The T of Task&lt;T&gt; / ValueTask&lt;T&gt;; null for methods without a result.</summary>
    public Type? ResultType { get; }

    /// <summary>
    /// Calls the method on a grain instance and awaits it, boxing the result. A method that completed at once
    /// (most do) costs no task of its own.
    /// </summary>
    public Func<object, object?[], ValueTask<object?>> Invoker { get; }

    private Func<object, object?[], ValueTask<object?>> CompileInvoker()
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var arguments = ParameterTypes.Select((t, i) => Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), t));
        var call = Expression.Call(Expression.Convert(grain, Method.DeclaringType!), Method, arguments);
        var awaiter = Kind switch
        {
            ReturnKind.Task => s_awaitTask,
            ReturnKind.ValueTask => s_awaitValueTask,
            ReturnKind.TaskOfT => s_awaitTaskOfT.MakeGenericMethod(ResultType!),
            _ => s_awaitValueTaskOfT.MakeGenericMethod(ResultType!),
        };
        var body = Expression.Call(awaiter, call);
        return Expression.Lambda<Func<object, object?[], ValueTask<object?>>>(body, grain, args).Compile();
    }

    private static ValueTask<object?> AwaitTask(Task task) =>
        task.IsCompletedSuccessfully ? default : AwaitIncompleteTask(task);

    private static ValueTask<object?> AwaitTaskOfT<T>(Task<T> task) =>
        task.IsCompletedSuccessfully ? new(task.Result) : AwaitIncompleteTaskOfT(task);

    private static ValueTask<object?> AwaitValueTask(ValueTask task) =>
        task.IsCompletedSuccessfully ? default : AwaitIncompleteValueTask(task);

    private static ValueTask<object?> AwaitValueTaskOfT<T>(ValueTask<T> task) =>
        task.IsCompletedSuccessfully ? new(task.Result) : AwaitIncompleteValueTaskOfT(task);

    private static async ValueTask<object?> AwaitIncompleteTask(Task task)
    {
        await task.ConfigureAwait(false);
        return null;
    }

    private static async ValueTask<object?> AwaitIncompleteTaskOfT<T>(Task<T> task) => await task.ConfigureAwait(false);

    private static async ValueTask<object?> AwaitIncompleteValueTask(ValueTask task)
    {
        await task.ConfigureAwait(false);
        return null;
    }

    private static async ValueTask<object?> AwaitIncompleteValueTaskOfT<T>(ValueTask<T> task) => await task.ConfigureAwait(false);
}
