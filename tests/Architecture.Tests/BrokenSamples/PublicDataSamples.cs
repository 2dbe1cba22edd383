using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Bot;
using AgentP.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Architecture.Tests.BrokenSamples;

/// <summary>Bulk-deletes the bot's clients inside an async method: the call sits in the compiler's state machine.</summary>
public sealed class DeletesThroughPublicDataAsync(IPublicData bot)
{
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var deleted = await bot.Clients.ExecuteDeleteAsync(cancellationToken);
        return deleted;
    }
}

/// <summary>Bulk-updates the bot's wishlist inside a lambda that captures a local: the call sits in a closure class.</summary>
public sealed class UpdatesThroughPublicDataInALambda(IPublicData bot)
{
    public Func<int> Later(string comment)
    {
        var wishlist = bot.Wishlist;
        return () => wishlist.ExecuteUpdate(s => s.SetProperty(w => w.Comment, comment));
    }
}

/// <summary>Raw SQL on the public read-only context: goes past its SaveChanges guard.</summary>
public sealed class RawSqlOnThePublicContext(PublicReadOnlyDbContext db)
{
    public int Wipe() => db.Database.ExecuteSqlRaw("DELETE FROM public.clients_v2");
}

/// <summary>The control: raw SQL through the dashboard's own context is allowed (the collector's SQL reads <c>public</c> so).</summary>
public sealed class RawSqlOnTheDashboardContext(DashboardDbContext db)
{
    public int Probe() => db.Database.ExecuteSqlRaw("SELECT 1");
}
