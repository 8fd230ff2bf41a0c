import Foundation
import GRDB
import Testing
import ServiceDomain
@testable import ServiceStore

/// A real shop's file: Excel's encodings and date forms, Chinese headers, data that cannot be true,
/// and every problem reported with its column and cell.
@Suite struct ImportFileTests {
    func attempt(_ db: AppDatabase, _ folder: TempFolder, _ data: Data, encoding: ImportEncoding? = nil)
        -> Result<ImportReport, ImportError> {
        let file = folder.file("in-\(UUID().uuidString).csv")
        do {
            try data.write(to: file)
            return .success(try db.importCustomersAndVehicles(from: file, operator: Fixture.advisor,
                                                              now: Fixture.morning, encoding: encoding))
        } catch let error as ImportError {
            return .failure(error)
        } catch {
            Issue.record("unexpected \(error)")
            return .failure(ImportError(problems: []))
        }
    }

    func problems(_ result: Result<ImportReport, ImportError>) -> [ImportProblem] {
        if case .failure(let error) = result { return error.problems }
        Issue.record("the file was accepted")
        return []
    }

    func rows(_ lines: String...) -> Data { Data(([CSVTests.header] + lines).joined(separator: "\n").utf8) }

    @Test func aBadPurchaseDateIsReportedInItsOwnColumn() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let found = problems(attempt(db, folder, rows("王芳,13812345678,0,0,粤A12345,,凯美瑞,2021-13-01,2024-03-15,,")))
        #expect(found.map(\.column) == ["purchase_date"])
        #expect(found.first?.value == "2021-13-01")
        #expect(found.first?.message.en.hasPrefix("Line 2, purchase_date: ") == true)
    }

    @Test func aUsedCarsWarrantyMayHaveEndedBeforeThisOwnerBoughtIt() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let report = try attempt(db, folder, rows("王芳,13812345678,0,1,粤A12345,,凯美瑞,2023-06-01,2022-03-15,100000,"))
            .get()
        #expect(report.vehiclesCreated == 1)
        let car = try #require(try db.vehicle(plate: "粤A12345"))
        #expect(car.purchaseDate == CalendarDate(year: 2023, month: 6, day: 1))
        #expect(car.warrantyEndDate == CalendarDate(year: 2022, month: 3, day: 15))
    }

    @Test func everyProblemOfTheFileIsReportedWithItsCell() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let lines = (0..<30).map { "客户\(Character(UnicodeScalar(0x4E00 + $0)!)),1381234\(String(format: "%04d", $0)),0,0,粤A1\(String(format: "%04d", $0)),,车,2021/4/31,,," }
        let found = problems(attempt(db, folder, Data(([CSVTests.header] + lines).joined(separator: "\n").utf8)))
        #expect(found.count == 30)
        #expect(found.allSatisfy { $0.column == "purchase_date" && $0.value == "2021/4/31" })
        #expect(found.map(\.line) == Array(2...31))
    }

    @Test func excelsSlashDatesAreThatDay() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        _ = try attempt(db, folder, rows("王芳,13812345678,0,0,粤A12345,,凯美瑞,2021/3/5,2024/4/30,,")).get()
        let car = try #require(try db.vehicle(plate: "粤A12345"))
        #expect(car.purchaseDate?.text == "2021-03-05" && car.warrantyEndDate?.text == "2024-04-30")
    }

    @Test func aGB18030FileFromChineseExcelIsReadAndCanBeForced() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let text = "姓名,电话,车牌,车架号,车型,购车日期,保修截止,备注\r\n王芳,13812345678,粤A12345,,朗逸,2021/3/15,2024/3/15,老客户\r\n"
        let gb = try #require(CSVDecoding.encode(text, as: .gb18030))
        #expect(String(data: gb, encoding: .utf8) == nil)
        #expect(problems(attempt(db, folder, gb, encoding: .utf8)).first?.message.en.contains("--encoding gb18030") == true)
        let report = try attempt(db, folder, gb).get()
        #expect(report.customersCreated == 1)
        let card = try #require(try db.customerCard(customerID: 1))
        #expect(card.customer.name == "王芳" && card.customer.notes == "老客户")
        #expect(card.vehicles.first?.purchaseDate?.text == "2021-03-15")
    }

    @Test func utf8TextThatIsReallyGB18030IsRefusedWithTheWayOut() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        // GB18030 bytes C8 BD C8 AB are also valid UTF-8 ("Ƚȫ"): no Chinese at all read that way.
        var bytes = Data("name,phones\n".utf8)
        bytes += Data([0xC8, 0xBD, 0xC8, 0xAB]) + Data(",13812345678\n".utf8)
        #expect(String(data: bytes, encoding: .utf8)?.contains("Ƚȫ") == true)
        let found = problems(attempt(db, folder, bytes))
        #expect(found.first?.message.en.contains("Ƚȫ") == true)
        #expect(found.first?.message.en.contains("--encoding gb18030") == true)
        #expect(try db.customer(id: 1) == nil)
    }

    @Test func unknownAndEmptyHeaderCellsAreNamed() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let found = problems(attempt(db, folder, Data("姓名,电话,,颜色\n王芳,13812345678,,红\n".utf8)))
        #expect(found.count == 2)
        #expect(found[0].message.en.contains("column 3 (C) is empty"))
        #expect(found[1].column == "颜色")
    }

    @Test func anEmptyOrHeaderOnlyFileImportsNothingAndSaysSo() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        #expect(problems(attempt(db, folder, Data())).first?.message.en.contains("empty") == true)
        #expect(problems(attempt(db, folder, Data(CSVFormat.byteOrderMark) + Data("\r\n".utf8))).count == 1)
        let headerOnly = problems(attempt(db, folder, Data((CSVTests.header + "\r\n").utf8)))
        #expect(headerOnly.first?.message.en.contains("only the header") == true)
        #expect(headerOnly.first?.message.en.contains("Nothing was imported") == false)
        #expect(ImportError(problems: headerOnly).message.en.contains("Nothing was imported"))
    }

    @Test func whatCannotBeTrueIsRefusedInItsColumn() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let found = problems(attempt(db, folder, rows(
            "王芳,13812345678,0,0,粤A12345,,凯美瑞,2030-01-01,,,",
            "李雷,13900001111,0,0,粤A12346,,凯美瑞,1949-12-31,,,",
            "张伟,13600001111,0,0,粤A12347,,凯美瑞,,,1000001,",
            "赵敏,13500002222,0,0,粤A12348,,凯美瑞,,,-0,",
            "孙丽,14012345678,0,0,,,,,,,",
            "周杰,13700001111,0,0,粤A12349,LSVAU 218XN2183294,凯美瑞,,,,",
            "吴磊,13700002222,0,0,粤A12340,LSVAU-218XN2183294,凯美瑞,,,,",
            "郑\u{202E}爽,13700003333,0,0,,,,,,,")))
        #expect(found.map(\.column) == ["purchase_date", "purchase_date", "warranty_end_km", "warranty_end_km",
                                        "phones", "vin", "vin", "name"])
        #expect(found[0].message.en.contains("after today"))
        #expect(found[1].message.en.contains("before 1950"))
        #expect(found[5].message.en.contains("space") && found[5].message.en.contains("not corrected"))
        #expect(found[6].message.en.contains("hyphen"))
        #expect(found[7].message.en.contains("U+202E"))
    }

    @Test func todayIsTheShopsWhateverZoneTheMachineIsIn() throws {
        let folder = TempFolder()
        // 09:00 on 22 November in Shanghai is still the 21st in Los Angeles.
        let db = try AppDatabase.open(path: folder.dbPath, timeZone: TimeZone(identifier: "America/Los_Angeles")!)
        let row = rows("王芳,13812345678,0,0,粤A12345,,凯美瑞,2026-11-22,,,")
        #expect(problems(attempt(db, folder, row)).map(\.column) == ["purchase_date"])
        try db.setSetting(key: "shop.timezone", value: "Asia/Shanghai", operator: Fixture.advisor, now: Fixture.morning)
        #expect(try attempt(db, folder, row).get().vehiclesCreated == 1)
    }

    @Test func notesKeepTheirLineBreaks() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        _ = try attempt(db, folder, rows("王芳,13812345678,0,0,,,,,,,\"第一行\r\n第二行\"")).get()
        #expect(try db.customer(id: 1)?.notes == "第一行\n第二行")
    }

    @Test func theErrorsFileListsEveryProblemBesideTheInput() throws {
        let folder = TempFolder()
        let input = folder.file("shop.csv")
        let problems = (2...40).map { ImportProblem(line: $0, column: "phones", reason: Message(zh: "错", en: "bad"),
                                                     value: "=HYPERLINK(\"x\")\u{1B}[31m") }
        let written = try ImportProblemsFile.write(problems, input: input, fallbackFolder: folder.url, language: .en)
        #expect(written.url.path == input.path + ".errors.csv")
        #expect(written.note == nil)
        let text = String(decoding: try Data(contentsOf: written.url).dropFirst(3), as: UTF8.self)
        let records = try CSVFormat.parse(text)
        #expect(records.count == 40)
        #expect(records[0].fields == ["line", "column", "value", "message"])
        #expect(records[1].fields == ["2", "phones", "'=HYPERLINK(\"x\")", "bad"])
    }
}

@Suite struct ImportMileageTests {
    @Test func theMileageColumnBecomesTheCarsFirstReading() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let file = folder.file("km.csv")
        try Data("姓名,电话,车牌,车型,里程\n王芳,13812345678,粤A12345,朗逸,\"45,230\"\n李雷,13900001111,粤A12346,卡罗拉,\n".utf8)
            .write(to: file)
        let report = try db.importCustomersAndVehicles(from: file, operator: Fixture.advisor, now: Fixture.morning)
        #expect(report.readingsAdded == 1)
        let card = try #require(try db.customerCard(customerID: 1))
        let car = try #require(card.vehicles.first?.id)
        #expect(card.mileage[car]?.map(\.km) == [45_230])
        #expect(card.mileage[car]?.first?.source == .imported)
        #expect(try db.customerCard(customerID: 2)?.mileage.values.flatMap { $0 }.isEmpty == true)

        // Re-importing the same reading adds nothing; a lower one is refused in its column.
        #expect(try db.importCustomersAndVehicles(from: file, operator: Fixture.advisor, now: Fixture.morning).readingsAdded == 0)
        try Data("姓名,电话,车牌,车型,里程\n王芳,13812345678,粤A12345,朗逸,30000\n".utf8).write(to: file)
        do {
            _ = try db.importCustomersAndVehicles(from: file, operator: Fixture.advisor, now: Fixture.morning)
            Issue.record("a lower reading was accepted")
        } catch let error as ImportError {
            #expect(error.problems.map(\.column) == ["mileage"])
            #expect(error.problems.first?.message.en.contains("45230 km already recorded") == true)
        }
        try Data("姓名,电话,车牌,车型,里程\n王芳,13812345678,粤A12345,朗逸,-5\n".utf8).write(to: file)
        #expect(throws: ImportError.self) {
            try db.importCustomersAndVehicles(from: file, operator: Fixture.advisor, now: Fixture.morning)
        }
    }

    @Test func customerSinceAndTypeAreImportedAndExported() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let file = folder.file("people.csv")
        try Data(("姓名,电话,建档日期,客户类型\n王芳,13812345678,2015/6/1,个人\n广州出租公司,13900001111,2018-01-20,车队\n"
            + "李雷,13600001111,,\n").utf8).write(to: file)
        _ = try db.importCustomersAndVehicles(from: file, operator: Fixture.advisor, now: Fixture.morning)
        #expect(try db.customer(id: 1)?.customerSince?.text == "2015-06-01")
        #expect(try db.customer(id: 1)?.kind == .individual)
        #expect(try db.customer(id: 2)?.kind == .fleet)
        #expect(try db.customer(id: 3)?.kind == nil && db.customer(id: 3)?.customerSince == nil)
        let export = folder.file("out.csv")
        try db.exportCustomersAndVehicles(to: export)
        let text = String(decoding: try Data(contentsOf: export).dropFirst(3), as: UTF8.self)
        #expect(text.contains("王芳,13812345678,0,0,,,,,,,,2015-06-01,individual\r\n"), "\(text)")

        try Data("姓名,电话,建档日期,客户类型\n赵敏,13500002222,2099-01-01,VIP\n".utf8).write(to: file)
        do {
            _ = try db.importCustomersAndVehicles(from: file, operator: Fixture.advisor, now: Fixture.morning)
            Issue.record("impossible cells were accepted")
        } catch let error as ImportError {
            #expect(error.problems.map(\.column) == ["customer_type", "customer_since"])
        }
    }

    @Test func theErrorsFileFallsBackWhenTheInputsFolderIsNotWritable() throws {
        let folder = TempFolder()
        _ = folder.file("unused")  // creates the folder
        // Not even root can create a file in /proc.
        let input = URL(fileURLWithPath: "/proc/version")
        let problem = ImportProblem(line: 2, column: "name", reason: Message(zh: "错", en: "bad"), value: "x")
        let written = try ImportProblemsFile.write([problem], input: input, fallbackFolder: folder.url, language: .en)
        #expect(written.url.path == folder.url.appendingPathComponent("version.errors.csv").path)
        #expect(written.note?.en.contains("/proc is not writable") == true)
        #expect(FileManager.default.fileExists(atPath: written.url.path))
    }
}

@Suite struct CalendarDateMigrationTests {
    @Test func storedInstantsBecomeTheShopsCalendarDay() throws {
        let folder = TempFolder()
        try FileManager.default.createDirectory(atPath: (folder.dbPath as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let queue = try DatabaseQueue(path: folder.dbPath)
        try Schema.migrator.migrate(queue, upTo: "followup-1-message-sent")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES ('shop.timezone', 'Asia/Shanghai')")
            try db.execute(sql: "INSERT INTO customer (name) VALUES ('王芳')")
            // Midnight of 15 March in Shanghai, as GRDB stored a Date: 16:00 the day before, UTC.
            try db.execute(sql: """
                INSERT INTO vehicle (owner_id, plate, model, purchase_date, warranty_end_date)
                VALUES (1, '粤A12345', '凯美瑞', '2021-03-14 16:00:00.000', '2024-03-14 16:00:00.000')
                """)
        }
        try queue.close()
        let db = try AppDatabase.open(path: folder.dbPath, timeZone: TimeZone(identifier: "America/Los_Angeles")!)
        let car = try #require(try db.vehicle(plate: "粤A12345"))
        #expect(car.purchaseDate?.text == "2021-03-15")
        #expect(car.warrantyEndDate?.text == "2024-03-15")
    }
}
