using System.Reflection;
using System.Runtime.CompilerServices;
using MediatR;
using Mono.Cecil;

namespace AgentP.Architecture.Tests;

/// <summary>
/// Every page is one request (issue 16): a page's handler sends one request through the mediator, whose pipeline authorizes,
/// scopes and caches it as a whole; and no handler sends another request, which would run a second pipeline inside the
/// first (a second scope, a second authorization) and hide the page's real cost behind one name.
/// </summary>
internal static class SendRules
{
    /// <summary>
    /// The mediator's types by full name. MediatR 5.1.0 has only <c>IMediator</c>; <c>ISender</c> and <c>IPublisher</c> came
    /// later and are named so an upgrade cannot open a way round the rules.
    /// </summary>
    private static readonly IReadOnlySet<string> Mediators = new HashSet<string>(StringComparer.Ordinal)
    {
        "MediatR.IMediator", "MediatR.ISender", "MediatR.IPublisher", "MediatR.Mediator",
    };

    /// <summary>
    /// What reaches a handler besides the mediator: MediatR 5's <c>ServiceFactory</c> resolves any handler from the container.
    /// </summary>
    private static readonly IReadOnlySet<string> MediatorsAndFactory = new HashSet<string>(Mediators, StringComparer.Ordinal) { "MediatR.ServiceFactory" };

    /// <summary>
    /// The Application types that may name the mediator, by full type name (a type of the same simple name elsewhere is not
    /// let through), each with why. None of them may send.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Registrations = new Dictionary<string, string>
    {
        ["AgentP.Application.DependencyInjection"] = "registers the mediator and its service factory (MediatR 5.1.0 has no DI package); it sends nothing",
    };

    /// <summary>
    /// Each page handler (<c>On{Verb}{Name}[Async]</c>) and view component (<c>Invoke[Async]</c>) with the requests it sends,
    /// counted as call sites of <c>Send</c> on the mediator in the handler, its async state machine and closures, and the
    /// methods of the page's own class (and of its base classes in the same assembly, such as <c>FilterPageModel.QueryAsync</c>)
    /// it calls, transitively, each call counted once per call site (a helper called twice sends twice).
    /// <list type="bullet">
    /// <item>A GET handler and a view component send at most one request: what the page shows is one query's answer.</item>
    /// <item>
    /// A POST handler sends its command, and when the command is refused it may show the page again with the messages instead
    /// of redirecting (the failure side of post/redirect/get): so at most two, and then one of them must answer what the page's
    /// <c>OnGet</c> shows. The rule compares the answer's type (the <c>TResponse</c> of <c>Send</c>), which the IL names at
    /// every call site, rather than the request's, which would need data flow (the request is often built in a helper or passed
    /// through <c>QueryAsync</c>); a page's answer type belongs to its own query. That the re-read happens only on refusal is
    /// left to review: the compiler moves an <c>await</c> out of its <c>catch</c>, so the IL no longer says so.
    /// </item>
    /// </list>
    /// Handing the mediator to a method of another class is reported too: the sends there cannot be counted. The rule counts
    /// call sites, not executions: a send in a loop, or in a lambda run per item, counts once; review catches those.
    /// </summary>
    public static IReadOnlyList<string> PageHandlersSendingMoreThanOneRequest(IEnumerable<Type> types)
    {
        using var bodies = new MethodBodies();
        var violations = new List<string>();
        foreach (var type in types.Where(PageRules.IsPageOrViewComponent))
        {
            var all = SendsOf(bodies, type);
            // The page's overrides (OnPageHandlerExecutionAsync, OnPageHandlerExecuting…) run around every handler: what
            // they send counts for each handler, and for themselves as if they were one.
            var filters = all.Where(h => !IsHandlerName(h.Method)).ToList();
            var around = filters.SelectMany(f => f.Sends).ToList();
            var handlers = all.Where(h => IsHandlerName(h.Method)).Select(h => (Method: h.Method, Sends: (IReadOnlyList<Send>)[.. h.Sends, .. around]))
                .Concat(filters).ToList();
            var shown = all.Where(h => h.Method is "OnGet" or "OnGetAsync")
                .SelectMany(h => h.Sends).Select(s => s.Response).ToHashSet(StringComparer.Ordinal);
            foreach (var (method, sends) in handlers)
            {
                var name = $"{type.FullName}: {method}";
                foreach (var escape in sends.Where(s => s.Escape is not null))
                    violations.Add($"{name} hands the mediator to {escape.Escape}, where its requests cannot be counted");
                var counted = sends.Where(s => s.Escape is null).ToList();
                var isCommand = IsHandlerName(method) && method.StartsWith("On", StringComparison.Ordinal) && !method.StartsWith("OnGet", StringComparison.Ordinal);
                if (!isCommand && counted.Count > 1)
                    violations.Add($"{name} sends {counted.Count} requests ({Describe(counted)}); a page shows one request's answer: make it one query");
                else if (isCommand && counted.Count > 2)
                    violations.Add($"{name} sends {counted.Count} requests ({Describe(counted)}); a form sends one command, and at most the page's own query again when it is refused");
                else if (isCommand && counted.Count == 2 && !counted.Any(s => shown.Contains(s.Response)))
                    violations.Add($"{name} sends two requests ({Describe(counted)}), neither answering what OnGet shows ({(shown.Count == 0 ? "no OnGet sends" : string.Join(", ", shown))}); a form sends one command");
            }
        }
        return violations;
    }

    /// <summary>Each handler of a page or view component with the answer types of the requests it sends, one per call site.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Sends(Type type)
    {
        using var bodies = new MethodBodies();
        return SendsOf(bodies, type).ToDictionary(h => h.Method, h => (IReadOnlyList<string>)h.Sends.Select(s => s.Escape ?? s.Response).ToList());
    }

    private static List<(string Method, IReadOnlyList<Send> Sends)> SendsOf(MethodBodies bodies, Type type)
    {
        var definition = bodies.Definition(type);
        return Handlers(type).Select(m => (m.Name, new SendWalk(definition).Sends(Find(definition, m)))).ToList();
    }

    /// <summary>
    /// No Application type names the mediator (or MediatR 5's service factory), except a registration named in
    /// <paramref name="registrations"/>; none calls <c>Send</c> or <c>Publish</c> at all; and no handler takes another handler
    /// (calling it directly would skip the pipeline).
    /// </summary>
    public static IReadOnlyList<string> HandlersReachingTheMediator(IEnumerable<Type> types, IReadOnlyCollection<string> registrations)
    {
        using var bodies = new MethodBodies();
        var list = types.Where(t => !t.IsNested).ToList();
        var named = from type in list
                    where !registrations.Contains(type.FullName!)
                    where MethodBodies.Mentions(bodies.Definition(type), MediatorsAndFactory)
                    select $"{type.FullName}: names the mediator; a handler does its work with ports and shared services, never by sending another request";
        var sends = from type in list
                    from call in MethodBodies.Calls(bodies.Definition(type))
                    where IsSend(call.Callee) || call.Callee.Name == "Publish" && Mediators.Contains(call.Callee.DeclaringType.FullName)
                    select $"{type.FullName}: calls {call.Callee.DeclaringType.Name}.{call.Callee.Name} in {call.Caller.DeclaringType.Name}.{call.Caller.Name}";
        var handlers = from type in list
                       from parameter in type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).SelectMany(c => c.GetParameters())
                       where IsHandler(parameter.ParameterType)
                       select $"{type.FullName}: takes the handler {parameter.ParameterType.Name} {parameter.Name}; send nothing, share a service instead";
        // Constructing a handler calls it past the pipeline as surely as taking one (new GetTenantChoicesHandler(…)).
        var built = from type in list
                    from call in MethodBodies.Calls(bodies.Definition(type))
                    where call.Callee.Name == ".ctor" && IsHandlerDefinition(call.Callee.DeclaringType)
                    select $"{type.FullName}: constructs the handler {call.Callee.DeclaringType.Name} in {call.Caller.DeclaringType.Name}.{call.Caller.Name}; send nothing, share a service instead";
        return [.. named.Concat(sends).Concat(handlers).Concat(built).Distinct()];
    }

    private static bool IsHandler(Type type) =>
        new[] { type }.Concat(type.GetInterfaces()).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d
            && (d == typeof(IRequestHandler<,>) || d == typeof(IRequestHandler<>) || d == typeof(INotificationHandler<>)));

    private static bool IsHandlerDefinition(TypeReference type)
    {
        for (var t = type.Resolve(); t is not null; t = t.BaseType?.Resolve())
            if (t.Interfaces.Any(i => i.InterfaceType.Name is "IRequestHandler`2" or "IRequestHandler`1" or "INotificationHandler`1"
                                      && i.InterfaceType.Namespace == "MediatR"))
                return true;
        return false;
    }

    private static bool IsSend(MethodReference method) => method.Name == "Send" && Mediators.Contains(method.DeclaringType.FullName);

    /// <summary>
    /// Razor Pages' handler methods (public, instance, <c>On</c> and a verb) or a view component's <c>Invoke[Async]</c>, and
    /// every public override the page's own code declares (the page filter's <c>OnPageHandlerExecutionAsync</c> and the like).
    /// </summary>
    private static IEnumerable<MethodInfo> Handlers(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.DeclaringType!.Assembly == type.Assembly && !m.IsSpecialName)
            .Where(m => IsHandlerName(m.Name) || m.GetBaseDefinition().DeclaringType != m.DeclaringType);

    private static bool IsHandlerName(string name) =>
        Verbs.Any(v => name.StartsWith("On" + v, StringComparison.Ordinal)) || name is "Invoke" or "InvokeAsync";

    private static readonly string[] Verbs = ["Get", "Post", "Put", "Delete", "Patch"];

    private static MethodDefinition Find(TypeDefinition type, MethodInfo method)
    {
        for (var t = type; t is not null; t = t.BaseType as TypeDefinition) // a base class in the same module is its definition
        {
            var found = t.Methods.Where(m => m.Name == method.Name && m.Parameters.Count == method.GetParameters().Length).ToList();
            if (found.Count > 0) return found[0];
        }
        throw new InvalidOperationException($"{method.DeclaringType}.{method.Name} not found in IL");
    }

    private static string Describe(IEnumerable<Send> sends) =>
        string.Join(", ", sends.Select(s => $"{s.Response} in {s.Caller}"));

    /// <summary>One call site of <c>Send</c>: what it answers (the response type, as the handler's code names it), and where.</summary>
    private sealed record Send(string Response, string Caller, string? Escape = null);

    /// <summary>Inlines the methods a handler reaches in its own class hierarchy, counting the sends it meets.</summary>
    private sealed class SendWalk(TypeDefinition page)
    {
        private readonly Stack<MethodDefinition> path = new();

        public IReadOnlyList<Send> Sends(MethodDefinition handler) => Walk(handler, []);

        private List<Send> Walk(MethodDefinition method, IReadOnlyList<TypeReference> typeArguments)
        {
            var sends = new List<Send>();
            if (path.Contains(method) || !method.HasBody) return sends;
            path.Push(method);
            // An async method's body is a stub that starts its state machine: its code is the machine's MoveNext.
            if (StateMachine(method) is { } machine)
                sends.AddRange(Walk(machine.Methods.Single(m => m.Name == "MoveNext"), typeArguments));
            foreach (var instruction in method.Body.Instructions)
            {
                if (instruction.Operand is not MethodReference callee) continue;
                if (IsSend(callee))
                {
                    var response = callee is GenericInstanceMethod g ? Substitute(g.GenericArguments[0], typeArguments).FullName : "void";
                    sends.Add(new Send(response, Name(method)));
                }
                else if (Own(callee) is { } target)
                {
                    var arguments = callee is GenericInstanceMethod gi ? gi.GenericArguments.Select(a => Substitute(a, typeArguments)).ToList() : typeArguments;
                    sends.AddRange(Walk(target, arguments));
                }
                else if (callee.Parameters.Any(p => Mediators.Contains(p.ParameterType.FullName)))
                    sends.Add(new Send("", "", $"{callee.DeclaringType.FullName}.{callee.Name}"));
            }
            path.Pop();
            return sends;
        }

        /// <summary>
        /// The callee's definition when it is a method of the page's class, of its base classes in the same assembly, or of the
        /// types the compiler nests in them (state machines, closures); otherwise null. Only this module is resolved: the
        /// framework's assemblies are not beside the ones under test.
        /// </summary>
        private MethodDefinition? Own(MethodReference callee)
        {
            if (callee.DeclaringType.Scope != page.Module) return null;
            var target = callee.Resolve();
            var type = target?.DeclaringType;
            while (type?.DeclaringType is { } outer) type = outer;
            for (var t = page; t is not null; t = t.BaseType as TypeDefinition)
                if (t == type) return target;
            return null;
        }

        /// <summary>A method as its source names it: <c>LoadAsync</c> for <c>&lt;LoadAsync&gt;d__39.MoveNext</c>, a lambda by its method.</summary>
        private static string Name(MethodDefinition method) =>
            method.DeclaringType.Name is ['<', .. var rest] && rest.IndexOf('>') is > 0 and var end && method.Name == "MoveNext" ? rest[..end] : method.Name;

        private static TypeDefinition? StateMachine(MethodDefinition method) =>
            method.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == typeof(AsyncStateMachineAttribute).FullName
                                                        || a.AttributeType.FullName == typeof(IteratorStateMachineAttribute).FullName)
                ?.ConstructorArguments[0].Value is TypeReference t ? t.Resolve() : null;

        /// <summary>
        /// A generic method's type parameter as its caller's argument (<c>QueryAsync&lt;T&gt;</c> called with the page's answer type).
        /// The compiler copies a generic async method's parameters onto its state machine in the same order, so the position serves both.
        /// </summary>
        private static TypeReference Substitute(TypeReference type, IReadOnlyList<TypeReference> arguments) =>
            type is GenericParameter p && p.Position < arguments.Count ? arguments[p.Position] : type;
    }
}
