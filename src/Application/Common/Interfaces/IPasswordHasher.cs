namespace AgentP.Application.Common.Interfaces;

public interface IPasswordHasher
{
    string Hash(string password);
    /// <summary>False for a wrong password and for a hash that cannot be read; never throws.</summary>
    bool Verify(string password, string hash);
    /// <summary>Takes as long as <see cref="Verify"/> and checks nothing: an unknown e-mail must not answer faster.</summary>
    void SpendVerificationTime(string password);
}
