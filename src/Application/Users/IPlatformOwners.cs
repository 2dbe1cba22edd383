namespace AgentP.Application.Users;

/// <summary>The platform's super_admins, for the rule that one of them always stays active.</summary>
public interface IPlatformOwners
{
    /// <summary>
    /// Locks the rows of the active super_admins until the caller's transaction ends (in id order, so two callers never
    /// deadlock) and returns their ids as committed by then: a second caller waits and sees the first one's change.
    /// </summary>
    Task<IReadOnlyList<long>> LockActiveAsync(CancellationToken cancellationToken);
}
