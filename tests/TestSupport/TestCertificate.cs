using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AgentP.TestSupport;

/// <summary>
/// The certificate that encrypts the Data Protection keys at rest in the tests (<c>Dashboard:DataProtectionCertificate</c>):
/// made once per test run, as a PFX file, so every app and process of the run — two instances on one database, the CLI —
/// shares it, as production's instances share theirs.
/// </summary>
public static class TestCertificate
{
    public const string Password = "test-keys-pfx";

    private static readonly Lazy<string> File = new(() =>
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=AgentP test data protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), $"agentp-keys-{System.Environment.ProcessId}.pfx");
        System.IO.File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.File.Delete(path);
        return path;
    });

    public static string PfxPath => File.Value;

    /// <summary>The settings as environment variables, for the app run as its own process.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Environment() =>
    [
        new("Dashboard__DataProtectionCertificate", PfxPath), new("Dashboard__DataProtectionCertificatePassword", Password),
    ];
}
