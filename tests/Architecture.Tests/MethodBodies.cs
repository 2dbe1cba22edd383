using System.Reflection;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace AgentP.Architecture.Tests;

/// <summary>
/// What a type mentions and calls, read from its IL with Mono.Cecil: NetArchTest answers "depends on a type", not
/// "calls a method". A type here includes its nested types, where the compiler puts async state machines and closures.
/// </summary>
internal sealed class MethodBodies : IDisposable
{
    // One reader per rule run: Cecil reads lazily and is not thread-safe, and xunit runs test classes in parallel.
    private readonly Dictionary<Assembly, ModuleDefinition> modules = [];

    public sealed record Call(MethodDefinition Caller, MethodReference Callee);

    public TypeDefinition Definition(Type type)
    {
        if (!modules.TryGetValue(type.Assembly, out var module))
            modules[type.Assembly] = module = ModuleDefinition.ReadModule(type.Assembly.Location);
        return module.GetType(type.FullName!.Replace('+', '/'))
            ?? throw new InvalidOperationException($"{type.FullName} is not in {type.Assembly.Location}");
    }

    /// <summary>Whether the type or one of its nested types mentions one of the types named, anywhere in a signature or body.</summary>
    public static bool Mentions(TypeDefinition type, IReadOnlySet<string> fullNames) =>
        WithNested(type).SelectMany(Mentioned).SelectMany(Names).Any(fullNames.Contains);

    /// <summary>Every method reference in the bodies of the type and its nested types (call, callvirt, newobj, ldftn…).</summary>
    public static IEnumerable<Call> Calls(TypeDefinition type) =>
        from t in WithNested(type)
        from method in t.Methods
        where method.HasBody
        from instruction in method.Body.Instructions
        where instruction.Operand is MethodReference
        select new Call(method, (MethodReference)instruction.Operand);

    /// <summary>Every string literal in the bodies of the type and its nested types (ldstr: the pieces of an interpolated string too).</summary>
    public static IEnumerable<string> Strings(TypeDefinition type) =>
        from t in WithNested(type)
        from method in t.Methods
        where method.HasBody
        from instruction in method.Body.Instructions
        where instruction.OpCode == OpCodes.Ldstr
        select (string)instruction.Operand;

    public void Dispose()
    {
        foreach (var module in modules.Values) module.Dispose();
    }

    private static IEnumerable<TypeDefinition> WithNested(TypeDefinition type) => [type, .. type.NestedTypes.SelectMany(WithNested)];

    private static IEnumerable<TypeReference> Mentioned(TypeDefinition type)
    {
        if (type.BaseType is not null) yield return type.BaseType;
        foreach (var i in type.Interfaces) yield return i.InterfaceType;
        foreach (var f in type.Fields) yield return f.FieldType;
        foreach (var p in type.Properties) yield return p.PropertyType;
        foreach (var method in type.Methods)
        {
            yield return method.ReturnType;
            foreach (var p in method.Parameters) yield return p.ParameterType;
            if (!method.HasBody) continue;
            foreach (var v in method.Body.Variables) yield return v.VariableType;
            foreach (var instruction in method.Body.Instructions)
                foreach (var t in Operand(instruction))
                    yield return t;
        }
    }

    private static IEnumerable<TypeReference> Operand(Instruction instruction)
    {
        switch (instruction.Operand)
        {
            case TypeReference t:
                yield return t;
                break;
            case MethodReference m:
                yield return m.DeclaringType;
                yield return m.ReturnType;
                foreach (var p in m.Parameters) yield return p.ParameterType;
                if (m is GenericInstanceMethod g) foreach (var a in g.GenericArguments) yield return a;
                break;
            case FieldReference f:
                yield return f.DeclaringType;
                yield return f.FieldType;
                break;
        }
    }

    /// <summary>The full names in a type reference: <c>Func&lt;IPublicData, int[]&gt;</c> names Func`2, IPublicData and Int32.</summary>
    private static IEnumerable<string> Names(TypeReference type) => type switch
    {
        GenericParameter => [],
        GenericInstanceType g => [.. Names(g.ElementType), .. g.GenericArguments.SelectMany(Names)],
        TypeSpecification s => Names(s.ElementType),
        _ => [type.FullName],
    };
}
