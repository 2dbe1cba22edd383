namespace AgentP.Web;

/// <summary>
/// Anchor of the shared UI strings. Russian, the default language, is written in the views and is the key;
/// <c>Resources/SharedResource.en.resx</c> holds the English.
/// </summary>
public sealed class SharedResource;
