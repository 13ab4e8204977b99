using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gongkai.App.Participation.SiteReport;

/// <summary>
/// `gongkai site report --format json`: the sections' figures under English snake-case keys —
/// <c>unit</c>, <c>unit_name</c>, <c>year</c>; <c>interpretation_and_response</c> { <c>interpretations_published</c>,
/// <c>interpretation_materials</c>, <c>interpretation_products</c>, <c>media_commentaries</c>, <c>responses_to_concerns</c> };
/// <c>interaction</c> { <c>messages</c> { <c>received</c>, <c>answered</c>, <c>average_working_days</c> (null without an
/// answer), <c>published_answers</c> }, <c>consultations</c> { <c>held</c>, <c>opinions_received</c>, <c>results_published</c> },
/// <c>online_interviews</c> { <c>held</c>, <c>questions_received</c>, <c>questions_answered</c> } }.
/// </summary>
public static class SiteReportJson
{
    public static string Write(SiteReportFigures f)
    {
        var json = new JsonObject
        {
            ["unit"] = f.UnitCode,
            ["unit_name"] = f.UnitName,
            ["year"] = f.Year,
            ["interpretation_and_response"] = new JsonObject
            {
                ["interpretations_published"] = f.Interpretations.Total,
                ["interpretation_materials"] = f.Interpretations.Materials,
                ["interpretation_products"] = f.Interpretations.Products,
                ["media_commentaries"] = f.Interpretations.MediaCommentaries,
                ["responses_to_concerns"] = f.Interpretations.Responses,
            },
            ["interaction"] = new JsonObject
            {
                ["messages"] = new JsonObject
                {
                    ["received"] = f.Messages.Received,
                    ["answered"] = f.Messages.Answered,
                    ["average_working_days"] = f.Messages.AverageDays,
                    ["published_answers"] = f.Messages.PublishedAnswers,
                },
                ["consultations"] = new JsonObject
                {
                    ["held"] = f.Consultations.Held,
                    ["opinions_received"] = f.Consultations.OpinionsReceived,
                    ["results_published"] = f.Consultations.ResultsPublished,
                },
                ["online_interviews"] = new JsonObject
                {
                    ["held"] = f.OnlineInterviews.Held,
                    ["questions_received"] = f.OnlineInterviews.QuestionsReceived,
                    ["questions_answered"] = f.OnlineInterviews.QuestionsAnswered,
                },
            },
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
