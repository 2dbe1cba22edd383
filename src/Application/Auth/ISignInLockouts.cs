namespace AgentP.Application.Auth;

/// <summary>Counts failed sign-ins per user and client address (<see cref="Domain.Dashboard.SignInLockout"/>).</summary>
public interface ISignInLockouts
{
    /// <summary>
    /// Counts one failed attempt in a single statement (parallel guesses each count) and returns until when the address
    /// is now locked out of the account, or null. Runs in the caller's transaction, holding the row until it commits.
    /// </summary>
    Task<DateTimeOffset?> CountFailureAsync(long userId, string clientAddress, DateTimeOffset now, CancellationToken cancellationToken);
}
