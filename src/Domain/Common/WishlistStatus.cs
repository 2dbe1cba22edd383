namespace AgentP.Domain.Common;

public enum WishlistStatus { Pending, Converted, Cancelled, Expired, Contacted, Unknown }
