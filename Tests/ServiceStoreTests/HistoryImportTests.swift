import Foundation
import GRDB
import Testing
import ServiceDomain
@testable import ServiceStore

/// `advisor import-history`: both header languages and date styles, GB18030, matching, re-import,
/// refusal with every problem, backwards mileage, open orders and calls, staff and the lines file.
@Suite struct HistoryImportTests {
    static let header = "ro_number,opened_at,closed_at,promised_at,status,plate,vin,phone,customer_name,model,mileage_km,"
        + "service_type,repair_class,concern,category,advisor,technician,labour_amount,parts_amount"

    func file(_ folder: TempFolder, _ lines: [String], header: String = Self.header, encoding: ImportEncoding = .utf8) throws -> URL {
        let url = folder.file("history-\(UUID().uuidString).csv")
        try #require(CSVDecoding.encode(([header] + lines).joined(separator: "\r\n"), as: encoding)).write(to: url)
        return url
    }

    func orders(_ db: AppDatabase) throws -> [(RepairOrder, String)] {
        try db.dbPool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.*, x.external_number FROM repair_order r JOIN repair_order_external x ON x.repair_order_id = r.id ORDER BY r.id
                """).map { (try RepairOrder(row: $0), $0["external_number"]) }
        }
    }

    func count(_ db: AppDatabase, _ table: String) throws -> Int {
        try db.dbPool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)")! }
    }

    @Test func englishHeadersAndDashedTimesInShopTime() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let url = try file(folder, [
            "OLD-1001,2025-03-01 09:30,2025-03-01 17:05:30,2025-03-01 17:00,closed,粤A12345,,13812345678,王芳,凯美瑞,12000,repair,,刹车异响,,,,380.5,1200",
            "OLD-1002,2026-11-21 10:00,,2026-11-22 18:00,in progress,粤A12345,,13812345678,王芳,凯美瑞,13050,maintenance,,,,,,0,0",
        ])
        let report = try db.importHistory(from: url, operator: Fixture.advisor, now: Fixture.morning)
        #expect(report.ordersCreated == 2 && report.customersCreated == 1 && report.vehiclesCreated == 1)
        let all = try orders(db)
        #expect(all.map(\.1) == ["OLD-1001", "OLD-1002"])
        let closed = all[0].0
        // 09:30 in Shanghai is 01:30 UTC.
        #expect(closed.openedAt == ISO8601DateFormatter().date(from: "2025-03-01T01:30:00Z"))
        #expect(closed.closedAt == ISO8601DateFormatter().date(from: "2025-03-01T09:05:30Z"))
        #expect(closed.stage == .delivered && closed.finalLabour == Fen(38_050) && closed.finalParts == Fen(120_000))
        #expect(closed.repairClass == .minorRepair)
        #expect(try db.concerns(repairOrderID: closed.id!).map(\.category) == [.brakes])
        #expect(closed.number.hasPrefix("RO-20250301-"))
        let open = all[1].0
        #expect(open.stage == .inProgress && open.serviceType == .maintenance && open.repairClass == .level1Maintenance)
        #expect(open.closedAt == nil)
        // Searchable by the old number.
        #expect(try db.repairOrder(externalNumber: "old-1002")?.id == open.id)
    }

    @Test func chineseHeadersExcelTimesAndGB18030() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let header = "工单号,开单时间,结算时间,状态,车牌,电话,客户姓名,车型,里程,服务类型,维修类别,客户描述,服务顾问,技师,工时费,材料费"
        let url = try file(folder, [
            "A-7,2024/3/5 8:05,2024/3/5 16:40,已结算,京B99999,13912345678,赵强,途观,45000,保养,二级维护,二保,张顾问,李师傅,600,900.05",
            "A-8,2024/3/9 9:00,,已取消,京B99999,13912345678,赵强,途观,45100,事故,,前杠刮擦,,,,",
        ], header: header, encoding: .gb18030)
        let report = try db.importHistory(from: url, operator: Fixture.advisor, now: Fixture.morning)
        #expect(report.ordersCreated == 1 + 1)
        let all = try orders(db)
        #expect(all[0].0.repairClass == .level2Maintenance && all[0].0.finalParts == Fen(90_005))
        #expect(all[0].0.openedAt == ISO8601DateFormatter().date(from: "2024-03-05T00:05:00Z"))
        #expect(all[1].0.stage == .cancelled && all[1].0.serviceType == .accident)
        #expect(try db.concerns(repairOrderID: all[1].0.id!).map(\.category) == [.body])
        #expect(try db.customer(id: all[0].0.customerID)?.name == "赵强")
        // Unknown people become inactive staff, so figures by person still count them.
        let staff = try db.dbPool.read { try Row.fetchAll($0, sql: "SELECT name, is_active, roles FROM staff ORDER BY id") }
        #expect(staff.map { $0["name"] as String } == ["张顾问", "李师傅"])
        #expect(staff.allSatisfy { ($0["is_active"] as Bool) == false })
        #expect(try db.jobs(repairOrderID: all[0].0.id!).first?.technicianID != nil)
    }

    @Test func rowsMatchStoredCustomersAndCars() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let owner = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        let car = try Fixture.vehicle(db, owner: owner, plate: "粤A12345", vin: Fixture.vin("LSVAU2180N2123456"))
        let url = try file(folder, [
            // By VIN (the plate cell holds an old plate): the stored car.
            "H-1,2025-01-05 09:00,2025-01-05 12:00,,closed,粤A00000,\(car.vin!),,,,10000,repair,,异响,,,,100,0",
            // A new car of the stored customer, by phone.
            "H-2,2025-02-05 09:00,2025-02-05 12:00,,closed,粤B55555,,13812345678,someone else,朗逸,5000,repair,,异响,,,,100,0",
        ])
        let report = try db.importHistory(from: url, operator: Fixture.advisor, now: Fixture.morning)
        #expect(report.customersCreated == 0 && report.vehiclesCreated == 1)
        let all = try orders(db)
        #expect(all[0].0.vehicleID == car.id && all[0].0.customerID == owner.id)
        #expect(all[1].0.customerID == owner.id && all[1].0.vehicleID != car.id)
        #expect(try db.vehicle(plate: "粤B55555")?.ownerID == owner.id)
    }

    @Test func reImportChangesNothingAndALaterExportAddsOnlyItsNewOrders() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let first = [
            "N-1,2025-01-05 09:00,2025-01-05 12:00,,closed,粤A12345,,13812345678,王芳,凯美瑞,10000,repair,,刹车,,,,100,0",
            "N-2,2025-03-05 09:00,2025-03-05 12:00,,closed,粤A12345,,13812345678,王芳,凯美瑞,15000,maintenance,,保养,,,,300,200",
        ]
        _ = try db.importHistory(from: try file(folder, first), operator: Fixture.advisor, now: Fixture.morning)
        let before = try ["repair_order", "concern", "job", "mileage_reading", "customer", "vehicle", "stage_change"].map { try count(db, $0) }
        let again = try db.importHistory(from: try file(folder, first), operator: Fixture.advisor, now: Fixture.morning)
        #expect(again.ordersCreated == 0 && again.ordersAlreadyImported == 2)
        #expect(try ["repair_order", "concern", "job", "mileage_reading", "customer", "vehicle", "stage_change"].map { try count(db, $0) } == before)
        let later = try db.importHistory(from: try file(folder, first + [
            "N-3,2025-06-05 09:00,2025-06-05 12:00,,closed,粤A12345,,13812345678,王芳,凯美瑞,20000,maintenance,,保养,,,,300,200",
        ]), operator: Fixture.advisor, now: Fixture.morning)
        #expect(later.ordersCreated == 1 && later.ordersAlreadyImported == 2)
        #expect(try orders(db).map(\.1) == ["N-1", "N-2", "N-3"])
    }

    @Test func aRefusedFileListsEveryProblemByColumnAndChangesNothing() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let url = try file(folder, [
            "B-1,2025-13-05 09:00,,,closed,粤A12345,,13812345678,王芳,凯美瑞,10000,repair,,刹车,,,,100,0",
            "B-2,2025-01-05 09:00,2025-01-05 10:00,,finished,粤A12345,,13812345678,王芳,凯美瑞,10000,repair,,刹车,,,,1.234,0",
            "B-3,2025-01-05 09:00,2025-01-05 10:00,,closed,,,13812345678,王芳,凯美瑞,10000,repair,,刹车,,,,0,0",
            "B-3,2025-01-06 09:00,2025-01-06 10:00,,closed,粤A12345,,13812345678,王芳,凯美瑞,10000,lunch,,刹车,,,,0,0",
            "B-5,2025-01-07 09:00,2025-01-07 10:00,,closed,粤C12345,,,,凯美瑞,10000,repair,,刹车,,,,0,0",
            "B-6,2025-01-07 09:00,2025-01-07 10:00,,closed,粤A12345,,13812345678,王芳,凯美瑞,10000,repair,,刹车,,,,0,0",
        ])
        let error = try #require(throws: ImportError.self) {
            try db.importHistory(from: url, operator: Fixture.advisor, now: Fixture.morning)
        }
        let found = error.problems.map { "\($0.line):\($0.column)" }
        #expect(found == ["2:opened_at", "3:status", "3:labour_amount", "4:plate", "5:service_type", "6:phone"])
        for table in ["repair_order", "customer", "vehicle", "staff", "mileage_reading", "audit_log"] {
            #expect(try count(db, table) == 0, "\(table)")
        }
    }

    @Test func mileageGoingBackwardsIsAWarningAndTheReadingIsMarkedSuspect() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let rows = [(1, 10_000), (2, 95_000), (3, 12_000), (4, 14_000)].map { month, km in
            "M-\(month),2025-0\(month)-05 09:00,2025-0\(month)-05 12:00,,closed,粤A12345,,13812345678,王芳,凯美瑞,\(km),maintenance,,保养,,,,100,0"
        }
        let report = try db.importHistory(from: try file(folder, rows), operator: Fixture.advisor, now: Fixture.morning)
        #expect(report.ordersCreated == 4 && report.suspectReadings == 1)
        #expect(report.warnings.map { "\($0.line):\($0.column)" } == ["3:mileage_km"])
        let suspect = try db.dbPool.read {
            try Int.fetchAll($0, sql: "SELECT km FROM mileage_reading WHERE is_suspect = 1")
        }
        #expect(suspect == [95_000])
        // The car's last reading (the one check-in compares with) is the last one that makes sense.
        let car = try #require(try db.vehicle(plate: "粤A12345"))
        #expect(try db.dbPool.read { try db.latestMileage($0, vehicleID: car.id!)?.km } == 14_000)
    }

    @Test func openOrdersComeOntoTheBoardAndOnlyRecentDeliveriesGetACall() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let url = try file(folder, [
            "W-1,2026-11-21 10:00,,2026-11-22 18:00,waiting parts,粤A12345,,13812345678,王芳,凯美瑞,10000,repair,,异响,,,,0,0",
            "W-2,2026-11-21 08:00,2026-11-21 16:00,,closed,粤B12345,,13912345678,赵强,途观,10000,repair,,异响,,,,100,0",
            "W-3,2024-11-21 08:00,2024-11-21 16:00,,closed,粤B12345,,13912345678,赵强,途观,5000,repair,,异响,,,,100,0",
        ])
        let report = try db.importHistory(from: url, operator: Fixture.advisor, now: Fixture.morning)
        #expect(report.openOrders == 1 && report.callbacksCreated == 1)
        let board = try db.waitingBoard(filter: WaitingBoardFilter(), sort: .promised, now: Fixture.morning, offset: 0, limit: 50)
        #expect(board.rows.map(\.stage) == [.waitingParts])
        let called = try db.dbPool.read {
            try String.fetchAll($0, sql: """
                SELECT x.external_number FROM callback c JOIN repair_order_external x ON x.repair_order_id = c.repair_order_id
                """)
        }
        #expect(called == ["W-2"])
    }

    @Test func theLinesFileBecomesTheOrdersWorkLines() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let orders = try file(folder, [
            "L-1,2025-01-05 09:00,2025-01-05 12:00,,closed,粤A12345,,13812345678,王芳,凯美瑞,10000,repair,,刹车,,,李师傅,300,450",
        ])
        let lines = folder.file("lines.csv")
        try Data("""
            工单号,类型,项目,工时,配件号,数量,金额
            L-1,工时,更换刹车片,1.5,,,300
            L-1,配件,刹车片,,BP-001,2,450
            """.utf8).write(to: lines)
        let report = try db.importHistory(from: orders, lines: lines, operator: Fixture.advisor, now: Fixture.morning)
        #expect(report.linesAdded == 2)
        let id = try #require(try self.orders(db).first?.0.id)
        let jobs = try db.jobs(repairOrderID: id)
        #expect(jobs.map(\.description) == ["更换刹车片", "刹车片 [BP-001] ×2"])
        #expect(jobs.map(\.labour) == [Fen(30_000), .zero] && jobs.map(\.parts) == [.zero, Fen(45_000)])
        #expect(jobs[0].labourHours == 1.5 && jobs.allSatisfy { $0.technicianID != nil && $0.status == .done })
    }

    @Test func aLineOfAnOrderNotInTheFileRefusesBoth() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let orders = try file(folder, [
            "L-1,2025-01-05 09:00,2025-01-05 12:00,,closed,粤A12345,,13812345678,王芳,凯美瑞,10000,repair,,刹车,,,,300,450",
        ])
        let lines = folder.file("lines.csv")
        try Data("ro_number,kind,amount\nL-9,labour,300\nL-1,tyre,1\n".utf8).write(to: lines)
        let error = try #require(throws: ImportError.self) {
            try db.importHistory(from: orders, lines: lines, operator: Fixture.advisor, now: Fixture.morning)
        }
        #expect(error.problems.map { "\($0.line):\($0.column)" } == ["2:ro_number", "3:kind"])
        #expect(try count(db, "repair_order") == 0)
    }

    @Test func theShopMapsServiceTypesToRepairClasses() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        try db.setSetting(key: HistorySettings.repairClassKey(.repair), value: "majorAssembly", operator: Fixture.advisor,
                          now: Fixture.morning)
        let url = try file(folder, [
            "S-1,2025-01-05 09:00,2025-01-05 12:00,,closed,粤A12345,,13812345678,王芳,凯美瑞,10000,repair,,发动机抖动,,,,0,0",
        ])
        _ = try db.importHistory(from: url, operator: Fixture.advisor, now: Fixture.morning)
        #expect(try orders(db).first?.0.repairClass == .majorAssembly)
    }

    @Test func anExportedHistoryImportsIntoAnotherShopAsItWas() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        _ = try db.importHistory(from: try file(folder, [
            "E-1,2025-01-05 09:00,2025-01-05 12:00,,closed,粤A12345,,13812345678,王芳,凯美瑞,10000,repair,,刹车,,张顾问,李师傅,100.5,20",
            "E-2,2026-11-21 10:00,,2026-11-22 18:00,waiting parts,粤A12345,,13812345678,王芳,凯美瑞,12000,repair,,异响,,,,0,0",
        ]), operator: Fixture.advisor, now: Fixture.morning)
        let exported = folder.file("export.csv")
        #expect(try db.exportHistory(to: exported) == 2)
        let other = TempFolder()
        let copy = try Fixture.open(other)
        let report = try copy.importHistory(from: exported, operator: Fixture.advisor, now: Fixture.morning)
        #expect(report.ordersCreated == 2 && report.staffCreated == 2)
        let a = try orders(db).map { [$0.1, "\($0.0.openedAt)", "\($0.0.closedAt as Any)", $0.0.stage.rawValue, "\($0.0.finalLabour as Any)"] }
        let b = try orders(copy).map { [$0.1, "\($0.0.openedAt)", "\($0.0.closedAt as Any)", $0.0.stage.rawValue, "\($0.0.finalLabour as Any)"] }
        #expect(a == b)
    }
}
