using Gongkai.Core.Units;

namespace Gongkai.Core.Tests.Units;

public class UnitPathTests
{
    private static readonly Guid City = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid District = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid OtherDistrict = Guid.Parse("00000000-0000-0000-0000-000000000012");

    [Fact]
    public void A_district_should_be_within_its_city_but_not_within_a_sibling_district()
    {
        var city = UnitPath.Of(null, City);
        var district = UnitPath.Of(city, District);
        var other = UnitPath.Of(city, OtherDistrict);

        Assert.True(UnitPath.IsWithin(district, city));
        Assert.True(UnitPath.IsWithin(district, district));
        Assert.False(UnitPath.IsWithin(other, district));
        Assert.False(UnitPath.IsWithin(city, district));
        Assert.Equal(0, UnitPath.Depth(city));
        Assert.Equal(1, UnitPath.Depth(district));
    }

    [Fact]
    public void Moving_a_subtree_should_rewrite_only_paths_inside_it()
    {
        var city = UnitPath.Of(null, City);
        var district = UnitPath.Of(city, District);
        var other = UnitPath.Of(city, OtherDistrict);
        var town = UnitPath.Of(district, Guid.NewGuid());

        var newDistrict = UnitPath.Of(other, District);
        Assert.Equal(UnitPath.Of(newDistrict, Guid.Parse(town.Split('/')[3])), UnitPath.Move(town, district, newDistrict));
        Assert.Equal(other, UnitPath.Move(other, district, newDistrict));
    }
}
