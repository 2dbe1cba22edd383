namespace AgentP.Application.Common.Caching;

/// <summary>
/// Declares on a command which kinds of cached values it makes old (<see cref="CacheTags"/>): the pipeline forgets them
/// when the command ends, whether it succeeded or not (a job may have committed part of its work before failing).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ChangesAttribute(params string[] tags) : Attribute
{
    public IReadOnlyList<string> Tags { get; } = tags;
}
