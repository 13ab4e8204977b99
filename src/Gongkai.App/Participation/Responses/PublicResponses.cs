using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Responses;

/// <summary>
/// /jdhy (解读回应) for the public, a year at a time: the published 解读 with the policy each interprets and their forms, the
/// press conferences, and the responses to public concerns (deleted records never shown).
/// </summary>
public sealed class PublicResponses(GongkaiDb db)
{
    public const int MaxRows = 200;

    public sealed record Interpretation(string IndexNumber, string Title, string Unit, DateOnly PublishedOn, InterpretationForms Forms,
        string? PolicyIndexNumber, string? PolicyTitle)
    {
        public string FormNames => string.Join("、", Forms.ChineseNames());
    }

    public sealed record Conference(Guid Id, string Unit, DateOnly HeldOn, string Title, string Summary, IReadOnlyList<Participant> Speakers,
        bool PrincipalAttended, IReadOnlyList<Link> Items);

    public sealed record Response(Guid Id, string Unit, string Concern, DateTime AroseAt, ResponseChannel Channel, DateTime RespondedAt, string Text,
        Guid? PressConferenceId, IReadOnlyList<Link> Items);

    public sealed record Link(string IndexNumber, string Title);

    public sealed record Page(int Year, IReadOnlyList<int> Years, IReadOnlyList<Interpretation> Interpretations, IReadOnlyList<Conference> Conferences,
        IReadOnlyList<Response> Responses);

    public async Task<Page> ForYearAsync(int year, CancellationToken ct = default)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var interpretations = await db.CatalogItems.AsNoTracking()
            .Where(i => i.Genre == Genre.Interpretation && i.State == CatalogState.Published && i.PublishedOn >= first && i.PublishedOn <= last)
            .OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.IndexNumber).Take(MaxRows)
            .Select(i => new Interpretation(i.IndexNumber!, i.Title, i.Unit.FullName, i.PublishedOn!.Value, i.InterpretationForms,
                i.Interprets != null && i.Interprets.State == CatalogState.Published ? i.Interprets.IndexNumber : null,
                i.Interprets != null && i.Interprets.State == CatalogState.Published ? i.Interprets.Title : null)).ToListAsync(ct);
        var conferences = await db.PressConferences.AsNoTracking().Include(c => c.Unit)
            .Where(c => (c.State == ParticipationState.Published || c.State == ParticipationState.Concluded) && c.HeldOn >= first && c.HeldOn <= last)
            .OrderByDescending(c => c.HeldOn).Take(MaxRows).ToListAsync(ct);
        var responses = await db.ResponseEvents.AsNoTracking().Include(r => r.Unit)
            .Where(r => (r.State == ParticipationState.Published || r.State == ParticipationState.Concluded) && r.RespondedOn >= first && r.RespondedOn <= last)
            .OrderByDescending(r => r.RespondedAt).Take(MaxRows).ToListAsync(ct);
        var numbers = conferences.SelectMany(c => c.ItemIndexNumbers).Concat(responses.SelectMany(r => r.ItemIndexNumbers)).Distinct().ToList();
        var titles = await db.CatalogItems.AsNoTracking().Where(i => i.IndexNumber != null && numbers.Contains(i.IndexNumber) && i.State == CatalogState.Published)
            .ToDictionaryAsync(i => i.IndexNumber!, i => i.Title, ct);
        List<Link> Links(IEnumerable<string> of) => [.. of.Where(titles.ContainsKey).Select(n => new Link(n, titles[n]))];
        var years = (await db.PressConferences.Where(c => c.State == ParticipationState.Published).Select(c => c.HeldOn.Year).Distinct().ToListAsync(ct))
            .Concat(await db.ResponseEvents.Where(r => r.State == ParticipationState.Published).Select(r => r.RespondedOn.Year).Distinct().ToListAsync(ct))
            .Concat(await db.CatalogItems.Where(i => i.Genre == Genre.Interpretation && i.State == CatalogState.Published).Select(i => i.PublishedOn!.Value.Year).Distinct().ToListAsync(ct))
            .Append(year).Distinct().OrderDescending().ToList();
        return new(year, years, interpretations,
            [.. conferences.Select(c => new Conference(c.Id, c.Unit.FullName, c.HeldOn, c.Title, c.Summary, c.Speakers, c.PrincipalAttended, Links(c.ItemIndexNumbers)))],
            [.. responses.Select(r => new Response(r.Id, r.Unit.FullName, r.Concern, r.AroseAt, r.Channel, r.RespondedAt, r.Response, r.PressConferenceId, Links(r.ItemIndexNumbers)))]);
    }
}
