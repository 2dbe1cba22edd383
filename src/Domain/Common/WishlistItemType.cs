namespace AgentP.Domain.Common;

public enum WishlistItemType { Slot, Service, Unknown }
