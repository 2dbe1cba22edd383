namespace AgentP.Domain.Common;

public enum Sentiment { Positive, Neutral, Negative }
