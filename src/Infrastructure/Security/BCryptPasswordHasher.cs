using AgentP.Application.Common.Interfaces;
using BCrypt.Net;

namespace AgentP.Infrastructure.Security;

/// <summary>
/// bcrypt at cost 12, written as <c>$2b$</c> like Python's <c>bcrypt</c> so hashes move freely between the
/// two; <c>$2a$</c>/<c>$2b$</c>/<c>$2y$</c> hashes of any cost verify.
/// </summary>
public sealed class BCryptPasswordHasher : IPasswordHasher
{
    public const int WorkFactor = 12;

    // A real hash of a random secret: verifying against it costs what a real check costs.
    private static readonly Lazy<string> Decoy = new(() => BCrypt.Net.BCrypt.HashPassword(Guid.NewGuid().ToString(), WorkFactor));

    public string Hash(string password) =>
        BCrypt.Net.BCrypt.HashPassword(password, BCrypt.Net.BCrypt.GenerateSalt(WorkFactor, 'b'));

    public bool Verify(string password, string hash)
    {
        try
        {
            return BCrypt.Net.BCrypt.Verify(password, hash);
        }
        catch (SaltParseException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public void SpendVerificationTime(string password) => Verify(password, Decoy.Value);
}
