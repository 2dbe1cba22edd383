using System.Reflection;
using AgentP.Application.Common.Security;
using MediatR;

namespace AgentP.Architecture.Tests;

/// <summary>
/// Who may send a request is declared on the request, as in Jason Taylor's Clean Architecture template:
/// <see cref="AuthorizeAttribute"/>, or <see cref="ISystemRequest"/> for jobs and the command line. A request with neither is
/// open to anyone, so it must be named as such.
/// </summary>
internal static class RequestRules
{
    /// <summary>
    /// The requests sent before anyone is signed in, by full type name (names, not types, so a rename fails
    /// <c>Every_request_named_as_anonymous_exists</c> instead of the build; full names, so a request of the same simple name
    /// in another namespace is not let through), each with why it is open.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Anonymous = new Dictionary<string, string>
    {
        ["AgentP.Application.Auth.SignIn"] = "checks the e-mail and password: no one is signed in yet",
        ["AgentP.Application.Auth.CheckSignIn"] = "sent by the cookie validation before the principal is trusted",
        ["AgentP.Application.Users.ResetPassword"] = "sets a password through a one-time link: the token is the credential",
    };

    /// <summary>
    /// The requests that see no salon's data through the query filters, by full type name, each with why: they run unscoped
    /// (the tenant-scope behaviour clears any scope), so a request that reads a salon's data must declare its scope instead.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Unscoped = new Dictionary<string, string>
    {
        ["AgentP.Application.Auth.SignIn"] = "finds the user by e-mail before any salon is known",
        ["AgentP.Application.Auth.CheckSignIn"] = "checks the cookie's session and stamp by user id",
        ["AgentP.Application.Auth.SignOut"] = "revokes the caller's own session",
        ["AgentP.Application.Account.ChangePassword"] = "changes the caller's own password",
        ["AgentP.Application.Users.ResetPassword"] = "finds the user by the link's token",
        ["AgentP.Application.Users.CreateUser"] = "the salon is named by the request and checked by the validator; e-mails are unique across salons",
    };

    public static bool IsRequest(Type type) =>
        type is { IsInterface: false, IsAbstract: false }
        && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>));

    /// <summary>Every request that is neither authorized, nor a system request, nor named in <paramref name="anonymous"/>.</summary>
    public static IReadOnlyList<string> Unauthorized(IEnumerable<Type> types, IReadOnlyCollection<string> anonymous) =>
        types.Where(IsRequest)
            // As the authorization behaviour reads it: the attribute may come from a base type.
            .Where(t => t.GetCustomAttribute<AuthorizeAttribute>(inherit: true) is null)
            .Where(t => !typeof(ISystemRequest).IsAssignableFrom(t))
            .Where(t => !anonymous.Contains(t.FullName!))
            .Select(t => $"{t.FullName}: neither [Authorize] nor ISystemRequest; add one, or name it in {nameof(RequestRules)}.{nameof(Anonymous)} with a reason")
            .ToList();

    /// <summary>Every request that declares no scope (one salon, platform-wide or system) and is not named in <paramref name="unscoped"/>.</summary>
    public static IReadOnlyList<string> WithoutScope(IEnumerable<Type> types, IReadOnlyCollection<string> unscoped) =>
        types.Where(IsRequest)
            .Where(t => !typeof(ITenantScoped).IsAssignableFrom(t) && !typeof(IPlatformWide).IsAssignableFrom(t) && !typeof(ISystemRequest).IsAssignableFrom(t))
            .Where(t => !unscoped.Contains(t.FullName!))
            .Select(t => $"{t.FullName}: declares no scope (ITenantScoped, IPlatformWide or ISystemRequest); add one, or name it in {nameof(RequestRules)}.{nameof(Unscoped)} with a reason")
            .ToList();
}
