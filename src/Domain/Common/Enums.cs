namespace AgentP.Domain.Common;

// Enum member names are PascalCase; their database/URL codes are snake_case (see Codes).
// The bot's own enums carry Unknown so a value we have not seen yet never breaks a read.

public enum Role { SuperAdmin, Admin, Staff }

public enum Channel { Telegram, Whatsapp, Unknown }

public enum SessionStatus { Done, Dropped, Escalated, Unknown }

public enum Sentiment { Positive, Neutral, Negative }

public enum DropOffStage { ServiceSelection, StaffSelection, DateSelection, TimeSelection }

public enum MessageRole { User, Assistant, Unknown }

public enum WishlistItemType { Slot, Service, Unknown }

public enum WishlistStatus { Pending, Converted, Cancelled, Expired, Contacted, Unknown }

/// <summary>What salon staff decided about a wishlist item; recorded in our schema, never in the bot's.</summary>
public enum WishlistDecision { Converted, Cancelled, Contacted }

public enum AlertKind { LowConversion, HighDropOff, ErrorSpike }

public enum AlertSeverity { Info, Warning, Critical }

public enum BookingStatus { Created, Confirmed, Completed, Cancelled }

public enum EscalationStatus { Active, Resolved, Escalated }
