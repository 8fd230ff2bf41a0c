import Foundation
import Testing
import ServiceDomain
@testable import ServiceStore

@Suite struct SearchTests {
    /// 王芳 (粤A12345 + a second car), 王芳芳 (京A24680), 李小龙 (phone ending 5678, 粤BD12345),
    /// 张伟 (no vehicle).
    final class Shop {
        let folder = TempFolder()
        let db: AppDatabase
        let wangFang: Customer
        let wangFangFang: Customer
        let liXiaolong: Customer
        let zhangWei: Customer
        let vin = Fixture.vin("LSVAU2180N2183294")

        init() throws {
            db = try Fixture.open(folder)
            wangFang = try Fixture.customer(db, "王芳", phones: ["13812345678", "0755-2345678"])
            try Fixture.vehicle(db, owner: wangFang, plate: "粤B67890", model: "卡罗拉")
            try Fixture.vehicle(db, owner: wangFang, plate: "粤A12345", vin: vin)
            wangFangFang = try Fixture.customer(db, "王芳芳", phones: ["13722223333"])
            try Fixture.vehicle(db, owner: wangFangFang, plate: "京A24680")
            liXiaolong = try Fixture.customer(db, "李小龙", phones: ["13900005678"])
            try Fixture.vehicle(db, owner: liXiaolong, plate: "粤BD12345", model: "比亚迪汉")
            zhangWei = try Fixture.customer(db, "张伟", phones: ["13600001111"])
        }
    }

    @Test(arguments: ["粤A12345", "粤A·12345", "粤A.12345", "粤a12345", " 粤A 12345 ", "粤a12"])
    func findsTheOwnerByPlateWithOrWithoutDotAndInLowerCase(query: String) throws {
        let shop = try Shop()
        let hits = try shop.db.search(query)
        let first = try #require(hits.first)
        #expect(first.customerID == shop.wangFang.id)
        #expect(first.vehicles.first?.plate == "粤A12345")
        #expect(first.phones == ["13812345678", "0755-2345678"])
        #expect(first.vehicles.count == 2)
    }

    @Test func exactPlateRanksBeforeAPlateThatOnlyContainsIt() throws {
        let shop = try Shop()
        // A large new-energy plate 粤A12345D contains 粤A12345; 李 sorts before 王 by name,
        // so only the ranking puts 王芳 first.
        try Fixture.vehicle(shop.db, owner: shop.liXiaolong, plate: "粤A12345D", model: "宇通客车")
        let hits = try shop.db.search("粤A·12345")
        #expect(hits.map(\.customerID) == [shop.wangFang.id!, shop.liXiaolong.id!])
        #expect(hits[1].vehicles.first?.plate == "粤A12345D")
        let fragment = try shop.db.search("粤a123")
        #expect(fragment.map(\.customerID) == [shop.liXiaolong.id!, shop.wangFang.id!])
    }

    @Test func findsByPhoneFragmentAndFullNumber() throws {
        let shop = try Shop()
        let fragment = try shop.db.search("5678")
        #expect(Set(fragment.map(\.customerID)) == [shop.wangFang.id!, shop.liXiaolong.id!])
        let exact = try shop.db.search("139 0000 5678")
        #expect(exact.map(\.customerID) == [shop.liXiaolong.id!])
        let landline = try shop.db.search("0755-2345678")
        #expect(landline.map(\.customerID) == [shop.wangFang.id!])
    }

    @Test func findsATwoCharacterChineseNameExactMatchFirst() throws {
        let shop = try Shop()
        let hits = try shop.db.search("王芳")
        #expect(hits.map(\.customerID) == [shop.wangFang.id!, shop.wangFangFang.id!])
        #expect(hits[0].name == "王芳")
    }

    @Test func findsThreeCharacterNamesAndPartsOfThem() throws {
        let shop = try Shop()
        #expect(try shop.db.search("李小龙").map(\.customerID) == [shop.liXiaolong.id!])
        #expect(try shop.db.search("小龙").map(\.customerID) == [shop.liXiaolong.id!])
    }

    @Test func findsByVINFragmentInAnyCase() throws {
        let shop = try Shop()
        let fragment = String(shop.vin.suffix(6)).lowercased()
        let hits = try shop.db.search(fragment)
        #expect(hits.map(\.customerID) == [shop.wangFang.id!])
        #expect(hits[0].vehicles.first?.vin == shop.vin)
        #expect(try shop.db.search(shop.vin).first?.customerID == shop.wangFang.id)
    }

    @Test func oneCharacterQueriesUseTheFallbackAndRespectTheLimit() throws {
        let shop = try Shop()
        let wang = try shop.db.search("王")
        #expect(wang.map(\.customerID) == [shop.wangFang.id!, shop.wangFangFang.id!])
        #expect(try shop.db.search("王", limit: 1).map(\.customerID) == [shop.wangFang.id!])
        let zhang = try shop.db.search("张")
        #expect(zhang.map(\.customerID) == [shop.zhangWei.id!])
        #expect(zhang[0].vehicles.isEmpty)
        #expect(try shop.db.search("5", limit: 2).count == 2)
    }

    @Test func hitsCarryTheCustomersFlags() throws {
        let shop = try Shop()
        var zhang = shop.zhangWei
        zhang.isUsedCarOwner = true
        try shop.db.saveCustomer(zhang, operator: Fixture.reception, now: Fixture.morning)
        let hit = try #require(try shop.db.search("张伟").first)
        #expect(hit.isUsedCarOwner && !hit.isOutOfWarrantyOwner)
        #expect(try shop.db.search("王芳").allSatisfy { !$0.isUsedCarOwner && !$0.isOutOfWarrantyOwner })
    }

    @Test func customersWithoutVehiclesAreFoundByPhone() throws {
        let shop = try Shop()
        #expect(try shop.db.search("1111").map(\.customerID) == [shop.zhangWei.id!])
    }

    @Test(arguments: ["%", "_", "\"", "' OR 1=1 --", "\" OR name:*", "%%%", "a\"b\"c", ""])
    func specialCharactersNeverMatchEverythingNorFail(query: String) throws {
        let shop = try Shop()
        #expect(try shop.db.search(query).isEmpty)
    }

    @Test func theIndexFollowsEdits() throws {
        let shop = try Shop()
        var car = try #require(try shop.db.vehicle(plate: "京A24680"))
        car.plate = "京A99999"
        try shop.db.saveVehicle(car, operator: Fixture.reception, now: Fixture.morning)
        #expect(try shop.db.search("京A24680").isEmpty)
        #expect(try shop.db.search("京A99999").first?.customerID == shop.wangFangFang.id)

        var zhang = shop.zhangWei
        zhang.name = "张卫国"
        zhang.phones = ["13655556666"]
        try shop.db.saveCustomer(zhang, operator: Fixture.reception, now: Fixture.morning)
        #expect(try shop.db.search("1111").isEmpty)
        #expect(try shop.db.search("5555").map(\.name) == ["张卫国"])
        #expect(try shop.db.search("卫国").map(\.name) == ["张卫国"])

        // 张卫国 gets a first car: the customer-only document gives way to a vehicle document.
        try Fixture.vehicle(shop.db, owner: zhang, plate: "沪C11111")
        let hits = try shop.db.search("张卫国")
        #expect(hits.count == 1 && hits[0].vehicles.map(\.plate) == ["沪C11111"])
        #expect(try shop.db.check().isHealthy)
    }
}
