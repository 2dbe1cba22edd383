namespace AgentP.Architecture.Tests;

/// <summary>The file rule of docs/architecture.md §3, also run against broken sources to show it can fail.</summary>
public sealed class FileTests
{
    [Fact]
    public void Every_class_interface_and_enum_of_the_product_lives_in_a_file_of_its_name()
    {
        Assert.True(SourceFiles.Product.Count > 100, $"Only {SourceFiles.Product.Count} sources found under {SourceFiles.Root}/src");
        Layers.AssertNone(FileRules.TypesOutsideTheirFile(SourceFiles.Product), "A type lives in a file of another name");
    }

    [Fact]
    public void The_file_rule_reports_a_port_hidden_in_a_use_case_and_an_enum_in_a_grab_bag()
    {
        var violations = FileRules.TypesOutsideTheirFile([
            ("src/Application/Retention/GetRetention.cs", """
                public sealed record GetRetention(string? From) : IRequest<RetentionReport>;
                public sealed record RetentionReport(int Clients);
                public sealed class GetRetentionValidator : AbstractValidator<GetRetention> { }
                /// <summary>A port.</summary>
                public interface IRetentionQueries { }
                public sealed class GetRetentionHandler(IRetentionQueries queries) { }
                internal sealed class RetentionReports { }
                """),
            ("src/Domain/Common/Enums.cs", "public enum Role { SuperAdmin }\npublic enum Channel { Telegram }\n"),
            ("src/Web/Pages/Index.cshtml.cs", "public sealed class IndexModel : PageModel { }\n"),
        ]);

        Assert.Equal(
            ["IRetentionQueries: interface in src/Application/Retention/GetRetention.cs, not in IRetentionQueries.cs",
             "RetentionReports: class in src/Application/Retention/GetRetention.cs, not in RetentionReports.cs",
             "Role: enum in src/Domain/Common/Enums.cs, not in Role.cs",
             "Channel: enum in src/Domain/Common/Enums.cs, not in Channel.cs"],
            violations);
    }
}
