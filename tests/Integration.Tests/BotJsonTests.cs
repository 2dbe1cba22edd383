using AgentP.TestSupport;
using AgentP.Domain.Common;
using AgentP.Infrastructure.Data;

namespace AgentP.Integration.Tests;

/// <summary>The bot's jsonb documents read into typed records, tolerating whatever the bot writes.</summary>
public sealed class BotJsonTests
{
    [Fact]
    public void Session_meta_reads_the_documented_keys()
    {
        var meta = BotJson.ReadSessionMeta("""
            {"sentiment": "positive", "drop_off_stage": "time_selection", "services_mentioned": ["маникюр", "педикюр"],
             "analyzed_at": "2025-12-30T12:00:00Z", "staff_name": "Анна", "staff_id": 123}
            """);
        Assert.Equal(Sentiment.Positive, meta.Sentiment);
        Assert.Equal(DropOffStage.TimeSelection, meta.DropOffStage);
        Assert.Equal(["маникюр", "педикюр"], meta.ServicesMentioned);
        Assert.Equal(("Анна", "123"), (meta.StaffName, meta.StaffId));
        Assert.Equal(new DateTimeOffset(2025, 12, 30, 12, 0, 0, TimeSpan.Zero), meta.AnalyzedAt);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("{\"sentiment\": 5, \"drop_off_stage\": \"payment\", \"services_mentioned\": \"маникюр\", \"unknown\": {\"a\": 1}}")]
    public void Unknown_missing_or_mistyped_keys_read_as_empty(string json)
    {
        var meta = BotJson.ReadSessionMeta(json);
        Assert.Null(meta.Sentiment);
        Assert.Null(meta.DropOffStage);
        Assert.Empty(meta.ServicesMentioned);
    }

    [Fact]
    public void Wishlist_meta_and_long_term_memory_read_typed()
    {
        var wish = BotJson.ReadWishlistMeta("""{"service_title": "Маникюр", "staff_name": "Анна", "staff_id": "123", "preferred_date": "2025-12-31", "time_preference": "morning"}""");
        Assert.Equal(("Маникюр", new DateOnly(2025, 12, 31), "morning"), (wish.ServiceTitle, wish.PreferredDate, wish.TimePreference));

        var ltm = BotJson.ReadLtmData("""{"booking_stats": {"staff_123": 5, "staff_456": 2, "bad": "x"}, "last_visit_date": "2025-12-15", "avg_visit_interval": 21}""");
        Assert.Equal(2, ltm.BookingStats.Count);
        Assert.Equal(5, ltm.BookingStats["staff_123"]);
        Assert.Equal((new DateOnly(2025, 12, 15), 21), (ltm.LastVisitDate, ltm.AvgVisitInterval));
    }

    [Fact]
    public void Tenant_metadata_reads_chat_ids_written_as_numbers_or_strings()
    {
        var metadata = BotJson.ReadTenantMetadata("""{"admin_chat_id": -1001234567890, "telegram_bot_token": "123:abc", "current_branch": {"id": 456, "phone": "+7 999", "address": "ул. Примерная, 1"}}""");
        Assert.Equal("-1001234567890", metadata.AdminChatId);
        Assert.Equal("123:abc", metadata.TelegramBotToken);
        Assert.Equal("ул. Примерная, 1", metadata.CurrentBranch!.Address);
        Assert.Equal("456", metadata.CurrentBranch.Id);
    }
}
