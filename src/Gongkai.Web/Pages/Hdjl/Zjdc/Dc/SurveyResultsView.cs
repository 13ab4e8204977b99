using Gongkai.App.Participation.Surveys;

namespace Gongkai.Web.Pages.Hdjl.Zjdc.Dc;

/// <summary>What the results partial (_SurveyResults) draws: the counts, whether text answers are shown (staff), and an id prefix.</summary>
public sealed record SurveyResultsView(SurveyResults Results, bool ShowText, string Prefix = "");
