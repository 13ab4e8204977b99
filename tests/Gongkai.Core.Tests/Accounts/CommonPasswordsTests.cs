using Gongkai.Core.Accounts;

namespace Gongkai.Core.Tests.Accounts;

public class CommonPasswordsTests
{
    private static readonly HashSet<string> List = ["password", "woaini", "123456789", "1234567890", "zhangwei", "iloveyou2026"];

    [Theory]
    [InlineData("iloveyou2026")]    // on the list
    [InlineData("ILoveYou2026")]    // case ignored
    [InlineData("password12")]      // listed word + digits
    [InlineData("2026Password!")]   // digits and symbols on both sides
    [InlineData("woaini1314")]
    [InlineData("zhangwei19860101")]
    [InlineData("qwertyuio1")]      // keyboard row
    [InlineData("1qaz2wsx3edc")]    // keyboard columns
    [InlineData("poiuytrewq99")]    // a row backwards
    [InlineData("abcdefgh12")]      // the alphabet
    [InlineData("a123456789")]      // listed number + one letter
    [InlineData("abc1234567890")]   // … + three
    public void Common_passwords_and_their_usual_decorations_should_be_refused(string password) =>
        Assert.True(CommonPasswords.IsCommon(password, List));

    [Theory]
    [InlineData("test-password-2026")]  // a listed word inside, not the whole of the letters
    [InlineData("xingqiao-2026")]
    [InlineData("mqpz123456789")]       // four letters around a listed number: no longer just a decoration
    [InlineData("pass1word2")]
    [InlineData("hu7#maple-lantern")]
    public void Passwords_that_merely_contain_a_common_word_should_pass(string password) =>
        Assert.False(CommonPasswords.IsCommon(password, List));
}
