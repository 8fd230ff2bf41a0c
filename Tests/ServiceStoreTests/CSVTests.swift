import Foundation
import Testing
import ServiceDomain
@testable import ServiceStore

@Suite struct CSVTests {
    static let header = "name,phones,out_of_warranty,used_car,plate,vin,model,purchase_date,warranty_end_date,"
        + "warranty_end_km,notes,customer_since,customer_type"

    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// Chinese names, formula-looking and quote-laden notes, two phones, two cars, a customer without a car.
    static func fillShop(_ db: AppDatabase) throws {
        let op = Fixture.reception
        let now = Fixture.morning
        let wang = try db.saveCustomer(Customer(name: "王芳", phones: ["13812345678", "0755-2345678"],
                                                isOutOfWarrantyOwner: true,
                                                notes: "=HYPERLINK(\"http://evil.example\",\"点我\")"),
                                       operator: op, now: now)
        try db.saveVehicle(Vehicle(ownerID: wang.id!, vin: Fixture.vin("LSVAU2180N2183294"), plate: "粤A12345",
                                   model: "凯美瑞 2.0, 豪华版", purchaseDate: day("2021-03-15"),
                                   warrantyEndDate: day("2024-03-15"), warrantyEndKm: 100_000),
                           operator: op, now: now)
        try db.saveVehicle(Vehicle(ownerID: wang.id!, vin: nil, plate: "粤B67890", model: "卡罗拉"),
                           operator: op, now: now)
        try db.saveCustomer(Customer(name: "李雷", phones: ["13900001111"], notes: "+86 转 \"前台\", 找小李"),
                            operator: op, now: now)
        let smith = try db.saveCustomer(Customer(name: "John Smith", phones: ["13600001111"], isUsedCarOwner: true,
                                                 notes: "-5% 折扣"), operator: op, now: now)
        try db.saveVehicle(Vehicle(ownerID: smith.id!, vin: nil, plate: "京A24680", model: "Model 3"),
                           operator: op, now: now)
        try db.saveCustomer(Customer(name: "赵敏", phones: ["13500002222"], notes: "'=已经有撇号 @admin"),
                            operator: op, now: now)
    }

    @Test func exportThenImportIntoAnEmptyDatabaseReproducesTheData() throws {
        let folder = TempFolder()
        let source = try AppDatabase.open(path: folder.url.appendingPathComponent("a/a.db").path,
                                          timeZone: Fixture.shanghai)
        try Self.fillShop(source)
        let first = folder.file("export1.csv")
        try source.exportCustomersAndVehicles(to: first)

        let bytes = try Data(contentsOf: first)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == Self.header)
        #expect(lines.count == 1 + 5)
        #expect(text.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\""))
        #expect(text.contains("\"'+86 转 \"\"前台\"\", 找小李\""))
        #expect(text.contains(",'-5% 折扣"))
        #expect(text.contains(",''=已经有撇号 @admin"))
        #expect(text.contains("13812345678;0755-2345678"))
        #expect(text.contains("粤A12345,\(Fixture.vin("LSVAU2180N2183294")),\"凯美瑞 2.0, 豪华版\",2021-03-15,2024-03-15,100000"))
        let mode = try FileManager.default.attributesOfItem(atPath: first.path)[.posixPermissions] as? NSNumber
        #expect(mode.map { $0.intValue & 0o777 } == 0o600)

        let target = try AppDatabase.open(path: folder.url.appendingPathComponent("b/b.db").path,
                                          timeZone: Fixture.shanghai)
        let report = try target.importCustomersAndVehicles(from: first, operator: Fixture.advisor, now: Fixture.morning)
        #expect(report.rows == 5)
        #expect(report.customersCreated == 4)
        #expect(report.customersMatched == 1)
        #expect(report.vehiclesCreated == 3)
        #expect(report.warnings.isEmpty)

        let second = folder.file("export2.csv")
        try target.exportCustomersAndVehicles(to: second)
        #expect(try Data(contentsOf: second) == bytes)

        for id in Int64(1)...4 {
            let a = try #require(try source.customerCard(customerID: id))
            let b = try #require(try target.customerCard(customerID: id))
            #expect(a.customer == b.customer)
            #expect(a.vehicles == b.vehicles)
        }
        #expect(try target.customer(id: 1)?.notes == "=HYPERLINK(\"http://evil.example\",\"点我\")")
        #expect(try target.customer(id: 4)?.notes == "'=已经有撇号 @admin")
    }

    @Test func reimportingTheSameFileMatchesInsteadOfDuplicating() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        try Self.fillShop(db)
        let file = folder.file("shop.csv")
        try db.exportCustomersAndVehicles(to: file)
        let report = try db.importCustomersAndVehicles(from: file, operator: Fixture.advisor, now: Fixture.morning)
        #expect(report.customersCreated == 0 && report.customersMatched == 5)
        #expect(report.vehiclesCreated == 0 && report.vehiclesUpdated == 0)
        #expect(try db.customer(id: 5) == nil)
        #expect(try db.customer(id: 1)?.version == 0)
    }

    @Test func aKnownPhoneLinksTheRowToThatCustomer() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let wang = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        let file = folder.file("in.csv")
        try Data((Self.header + "\n王小芳,138-1234-5678;13911112222,1,0,粤a·54321,,途观,,,,老客户\n").utf8).write(to: file)
        let report = try db.importCustomersAndVehicles(from: file, operator: Fixture.advisor, now: Fixture.morning)
        #expect(report.customersMatched == 1 && report.customersCreated == 0 && report.vehiclesCreated == 1)
        #expect(report.warnings.map(\.line) == [2])
        let card = try #require(try db.customerCard(customerID: wang.id!))
        #expect(card.customer.name == "王芳")
        #expect(card.customer.phones == ["13812345678", "13911112222"])
        #expect(card.customer.isOutOfWarrantyOwner)
        #expect(card.customer.notes == "老客户")
        #expect(card.vehicles.map(\.plate) == ["粤A54321"])
    }

    @Test func aBadPlateOnLineThreeRefusesTheWholeFile() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let file = folder.file("bad.csv")
        let csv = Self.header + "\r\n"
            + "王芳,13812345678,0,0,粤A12345,,凯美瑞,,,,\r\n"
            + "李雷,13900001111,0,0,粤I23456,,卡罗拉,,,,\r\n"
            + "张伟,13600001111,0,0,,,,,,,\r\n"
        try (Data(CSVFormat.byteOrderMark) + Data(csv.utf8)).write(to: file)
        do {
            _ = try db.importCustomersAndVehicles(from: file, operator: Fixture.advisor, now: Fixture.morning)
            Issue.record("the file was accepted")
        } catch let error as ImportError {
            #expect(error.problems.map(\.line) == [3])
            #expect(error.problems.map(\.column) == ["plate"])
            #expect(error.message.en.hasPrefix("Line 3, plate: "))
            #expect(error.message.en.contains("Nothing was imported"))
            #expect(error.message.zh.hasPrefix("第3行，plate（车牌号）："))
        }
        #expect(try db.search("王芳").isEmpty)
        #expect(try db.customer(id: 1) == nil)
        #expect(try db.auditEntries(entity: "customer", entityID: nil).isEmpty)
    }

    @Test func lineNumbersCountTheLinesInsideQuotedCells() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let file = folder.file("multi.csv")
        let csv = Self.header + "\n"
            + "王芳,13812345678,0,0,,,,,,,\"第一行\n第二行\"\n"
            + "李雷,1390000,0,0,,,,,,,\n"
            + "张伟,13600001111,maybe,0,,,型号,,,,\n"
        try Data(csv.utf8).write(to: file)
        #expect(throws: ImportError.self) {
            try db.importCustomersAndVehicles(from: file, operator: Fixture.advisor, now: Fixture.morning)
        }
        do {
            _ = try db.importCustomersAndVehicles(from: file, operator: Fixture.advisor, now: Fixture.morning)
        } catch let error as ImportError {
            #expect(error.problems.map(\.line) == [4, 5, 5])
            #expect(error.problems.map(\.column) == ["phones", "out_of_warranty", "plate"])
            #expect(error.message.en.contains("and 2 more problems"))
        }
        #expect(try db.customer(id: 1) == nil)
    }

    @Test func aPlateOwnedBySomeoneElseRefusesTheFileAndKeepsEarlierRowsOut() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let owner = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        try Fixture.vehicle(db, owner: owner, plate: "粤A12345")
        let file = folder.file("steal.csv")
        try Data((Self.header + "\n赵敏,13500002222,0,0,,,,,,,\n李雷,13900001111,0,0,粤A12345,,卡罗拉,,,,\n").utf8)
            .write(to: file)
        do {
            _ = try db.importCustomersAndVehicles(from: file, operator: Fixture.advisor, now: Fixture.morning)
            Issue.record("the file was accepted")
        } catch let error as ImportError {
            #expect(error.problems.map(\.line) == [3])
            #expect(error.problems.map(\.column) == ["plate"])
            #expect(error.message.en.contains("王芳") && error.message.en.contains("138****5678"))
        }
        #expect(try db.search("赵敏").isEmpty)
        #expect(try db.vehicle(plate: "粤A12345")?.ownerID == owner.id)
    }

    @Test func unknownColumnsAreRefused() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let file = folder.file("odd.csv")
        try Data("name,phones,plates\n王芳,13812345678,粤A12345\n".utf8).write(to: file)
        do {
            _ = try db.importCustomersAndVehicles(from: file, operator: Fixture.advisor, now: Fixture.morning)
            Issue.record("an unknown column was accepted")
        } catch let error as ImportError {
            #expect(error.problems.map(\.column) == ["plates"])
            #expect(error.message.en.contains("plates") && error.message.en.contains("column 3, C"))
        }
    }

    @Test func csvFieldsRoundTripThroughQuotingAndTheFormulaGuard() throws {
        let cells = ["plain", "a,b", "say \"hi\"", "two\nlines", "crlf\r\nline", "=1+1", "+8613", "-3", "@x",
                     "\tlead", "'quoted", "'=x", "''+y", "", "王芳"]
        let text = CSVFormat.line(cells) + CSVFormat.line(["end"])
        let records = try CSVFormat.parse(text)
        #expect(records.count == 2)
        #expect(records[0].fields.map(CSVFormat.unguardFormula) == cells)
        #expect(records[1].line == 4)
        #expect(records[0].fields[5] == "'=1+1")
        #expect(records[0].fields[10] == "'quoted")
        #expect(throws: CSVFormat.ParseError.unterminatedQuote(line: 1)) { try CSVFormat.parse("a,\"open\n") }
    }
}
