namespace AgentP.Domain.Common;

/// <summary>
/// A bot booking's fate as YClients tells it. The spec's four statuses, plus <see cref="NoShow"/>: the record stands but the client
/// did not come, which a salon must tell from a record that was cancelled (deleted).
/// </summary>
public enum BookingStatus { Created, Confirmed, Completed, Cancelled, NoShow }
