using System.Security.Cryptography;
using System.Text;

namespace AgentP.Application.Users;

/// <summary>A reset token is stored only as its SHA-256: the database alone cannot be turned into working links.</summary>
public static class PasswordResetTokens
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
