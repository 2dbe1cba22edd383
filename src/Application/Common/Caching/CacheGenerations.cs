namespace AgentP.Application.Common.Caching;

/// <summary>The current generation of each kind of cached value in each scope on this instance: one more for every change declared there.</summary>
public sealed class CacheGenerations
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Tag, string Scope), long> generations = new();

    public long Generation(string tag, string scope) => generations.GetValueOrDefault((tag, scope));

    public void Changed(string tag, IEnumerable<string> scopes)
    {
        foreach (var scope in scopes) generations.AddOrUpdate((tag, scope), 1, (_, v) => v + 1);
    }
}
