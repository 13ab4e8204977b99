using Gongkai.App.Units;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.Participation;

/// <summary>
/// A survey (调查): a questionnaire open for a period; its questions are fixed once the first answer arrives. Results are
/// counted from <see cref="SurveyResponse"/> and published with <see cref="ParticipationStep.Concluded"/>.
/// </summary>
public class Survey : IWithdrawable
{
    public ParticipationKind Kind => ParticipationKind.Survey;
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public ParticipationState State { get; set; }
    public string Title { get; set; } = "";
    public string Introduction { get; set; } = "";
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }

    /// <summary>The questions, in order (stored as JSON with the survey).</summary>
    public List<SurveyQuestion> Questions { get; set; } = [];
    public DateOnly? PublishedOn { get; set; }

    /// <summary>The office's note published with the results.</summary>
    public string ResultsNote { get; set; } = "";
    public DateOnly? ResultsPublishedOn { get; set; }
    public string WithdrawnReason { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum SurveyQuestionKind
{
    /// <summary>单选.</summary>
    SingleChoice,
    /// <summary>多选.</summary>
    MultipleChoice,
    /// <summary>填空（文字）.</summary>
    Text,
}

/// <summary>One question; answers refer to it by its position in <see cref="Survey.Questions"/> and to options by theirs.</summary>
public class SurveyQuestion
{
    public string Text { get; set; } = "";
    public SurveyQuestionKind Kind { get; set; }
    public bool Required { get; set; } = true;
    public List<string> Options { get; set; } = [];
}

/// <summary>
/// One person's answers. One answer per person is checked without an account: a random token kept in a cookie
/// (<see cref="VoterKey"/>, its hash) and a per-address rate limit — documented as such, not as proof of identity.
/// </summary>
public class SurveyResponse
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SurveyId { get; set; }

    /// <summary>SHA-256 of the voter cookie's token (hex); unique per survey.</summary>
    public string VoterKey { get; set; } = "";
    public DateTime SubmittedAt { get; set; }

    /// <summary>Answers (stored as JSON): question position, chosen option positions, text.</summary>
    public List<SurveyAnswer> Answers { get; set; } = [];
}

public class SurveyAnswer
{
    public int Question { get; set; }
    public List<int> Options { get; set; } = [];
    public string Text { get; set; } = "";
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>, IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<Survey> s)
    {
        s.ToTable("surveys");
        s.HasIndex(x => new { x.State, x.ClosesOn });
        s.HasIndex(x => x.UnitId);
        s.Property(x => x.Title).HasMaxLength(200);
        s.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        s.Property(x => x.WithdrawnReason).HasMaxLength(1000);
        s.OwnsMany(x => x.Questions, q =>
        {
            q.ToJson();
            q.Property(x => x.Kind).HasConversion<string>();
        });
        s.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SurveyResponse> r)
    {
        r.ToTable("survey_responses");
        r.HasIndex(x => new { x.SurveyId, x.VoterKey }).IsUnique();
        r.Property(x => x.VoterKey).HasMaxLength(64);
        r.OwnsMany(x => x.Answers, a => a.ToJson());
        r.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}
