namespace AgentP.Application.Auth;

/// <summary>Counts failed sign-ins per user and client address (<see cref="Domain.Dashboard.SignInLockout"/>).</summary>
public interface ISignInLockouts
{
    /// <summary>
    /// Counts one failed attempt in a single statement (parallel guesses each count) and returns until when the address
    /// is now locked out of the account, or null. Runs in the caller's transaction, holding the row until it commits.
    /// </summary>
    Task<DateTimeOffset?> CountFailureAsync(long userId, string clientAddress, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Holds the account and address for the caller's transaction: attempts sent at once from one address at one account
    /// are decided one after another, each seeing the failures counted before it (a burst gets five guesses, not twenty).
    /// </summary>
    Task HoldAsync(long userId, string clientAddress, CancellationToken cancellationToken);
}
