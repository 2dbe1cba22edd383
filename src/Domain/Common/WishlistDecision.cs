namespace AgentP.Domain.Common;

/// <summary>What salon staff decided about a wishlist item; recorded in our schema, never in the bot's.</summary>
public enum WishlistDecision { Converted, Cancelled, Contacted }
