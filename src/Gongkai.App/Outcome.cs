namespace Gongkai.App;

/// <summary>One thing wrong with an input: the field (or CSV column), the message in Chinese, and the line for file imports.</summary>
public sealed record Problem(string Field, string Message, int? Line = null)
{
    public override string ToString() => Line is { } line ? $"第 {line} 行 {Field}：{Message}" : Message;
}

public enum OutcomeKind { Done, Invalid, Denied, Missing }

/// <summary>What a use case did: done with a value, or why not (bad input, outside the actor's scope, not found).</summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, IReadOnlyList<Problem> Problems)
{
    public bool Succeeded => Kind == OutcomeKind.Done;

    public static Outcome<T> Done(T value) => new(OutcomeKind.Done, value, []);
    public static Outcome<T> Invalid(IReadOnlyList<Problem> problems) => new(OutcomeKind.Invalid, default, problems);
    public static Outcome<T> Invalid(string field, string message) => Invalid([new Problem(field, message)]);
    public static Outcome<T> Denied(string message) => new(OutcomeKind.Denied, default, [new Problem("", message)]);
    public static Outcome<T> Missing(string message) => new(OutcomeKind.Missing, default, [new Problem("", message)]);
}
