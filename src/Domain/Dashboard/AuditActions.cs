namespace AgentP.Domain.Dashboard;

/// <summary>The audit action codes; one list so reports and filters agree on the spelling.</summary>
public static class AuditActions
{
    public const string Login = "login";
    public const string LoginFailed = "login_failed";
    public const string Logout = "logout";
    public const string CreateUser = "create_user";
    public const string Export = "export";
    public const string WishlistDecision = "wishlist_decision";
    public const string AcknowledgeAlert = "acknowledge_alert";
    public const string UpdateSettings = "update_settings";
    public const string ActivateUser = "activate_user";
    public const string DeactivateUser = "deactivate_user";
    public const string ChangePassword = "change_password";
    public const string UpdateUser = "update_user";
    public const string PasswordResetLink = "password_reset_link";
    public const string PasswordReset = "password_reset";
    public const string ResolveEscalation = "resolve_escalation";
}
