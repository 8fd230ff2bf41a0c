import Foundation
import ServiceDomain
import ServiceStore
import Testing

/// Settlement through the real binary, as the shop's OS accounts: the admin imports the labour catalogue and
/// sets a rate, the advisor adds a catalogue operation and settles; the store holds the frozen version and the
/// statement file holds the paper, in UTF-8 and in GB18030.
@Suite(.serialized) struct SettlementEndToEndTests {
    @Test func catalogueToSettlementToStatementFile() throws {
        let folder = try ScratchFolder("settle")
        let db = try folder.sharedDatabase()
        let admin = try OSUsers.ensure("jsadmin"), lina = try OSUsers.ensure("jslina")
        #expect(try runAdvisor(["staff", "list", "--db", db], user: admin, in: folder).status == 0)
        let added = try runAdvisor(["staff", "add", lina, "--db", db, "--name", "李娜", "--role", "advisor"], user: admin, in: folder)
        #expect(added.status == 0, "\(added.out)")

        // The car checked in, written through the store as the reception panel saves it.
        let roNumber: String
        do {
            let store = try AppDatabase.open(path: db)
            defer { try? store.close() }
            let setup = Operator(staffID: nil, name: "setup")
            let now = Date()
            let advisor = try #require(try store.staff(login: lina))
            try store.setSetting(key: PrintSettingKey.shopName, value: "骏达汽车服务", operator: setup, now: now)
            let owner = try store.saveCustomer(Customer(name: "王芳", phones: ["13812345678"]), operator: setup, now: now)
            let car = try store.saveVehicle(Vehicle(ownerID: owner.id!, vin: "LVGBE40K7GP123456", plate: "粤A12345", model: "迈腾"),
                                            operator: setup, now: now)
            let ro = RepairOrder(number: "", customerID: owner.id!, vehicleID: car.id!, advisorID: advisor.id,
                                 serviceType: .maintenance, repairClass: .minorRepair, openedAt: now,
                                 promisedAt: now.addingTimeInterval(4 * 3600), mileageIn: 20_000, contactPhone: "13812345678")
            roNumber = try store.createRepairOrder(
                ro, concerns: [Concern(repairOrderID: 0, text: "两万公里保养", category: .maintenance)],
                jobs: [Job(repairOrderID: 0, description: "二级维护", labour: .yuan(300), parts: .yuan(200))],
                operator: advisor.asOperator, now: now, timeZone: .current).number
        }

        let csv = folder.path("labour.csv")
        try "代码,名称,工种,标准工时\nBRK01,更换前刹车片,机修,1.5\nMNT02,二级维护,机修,2\n".write(toFile: csv, atomically: true, encoding: .utf8)
        chmod(csv, 0o644)
        // Only an admin imports the shop's catalogue: the advisor is refused with the role needed, nothing saved.
        let refused = try runAdvisor(["labour-catalogue", "import", "--db", db, csv], user: lina, in: folder)
        #expect(refused.status != 0 && refused.out.contains("admin"), "\(refused.out)")
        let imported = try runAdvisor(["labour-catalogue", "import", "--db", db, csv], user: admin, in: folder)
        #expect(imported.status == 0 && imported.out.contains("2 added"), "\(imported.out)")
        let rate = try runAdvisor(["labour-rate", "set", "--db", db, "机修", "180"], user: admin, in: folder)
        #expect(rate.status == 0, "\(rate.out)")

        let labour = try runAdvisor(["labour", "add", "--db", db, roNumber, "BRK01"], user: lina, in: folder)
        #expect(labour.status == 0 && labour.out.contains("更换前刹车片, 1.50 h, ¥270.00"), "\(labour.out)")

        let settled = try runAdvisor(["settle", "--db", db, roNumber], user: lina, in: folder)
        #expect(settled.status == 0, "\(settled.out)")
        #expect(settled.out.contains("the customer pays ¥770.00"), "\(settled.out)")
        #expect(settled.out.contains("In Chinese capitals: 柒佰柒拾元整"), "\(settled.out)")
        let again = try runAdvisor(["settle", "--db", db, roNumber], user: lina, in: folder)
        #expect(again.status != 0 && again.out.contains("is settled"), "\(again.out)")

        let store = try AppDatabase.open(path: db)
        defer { try? store.close() }
        let ro = try #require(try store.repairOrder(number: roNumber))
        let current = try #require(try store.currentSettlement(roID: ro.id!))
        #expect(current.versionNo == 1 && current.customerPays == .yuan(770) && current.lines.count == 2)
        #expect(current.lines.last?.operationCode == "BRK01" && current.lines.last?.rate == .yuan(180))
        #expect(try store.auditEntries(entity: "repair_order", entityID: ro.id!).contains {
            $0.action == "settle" && $0.operatorName == "李娜" })
        let file = folder.path("statements/\(current.number)-v1.txt")
        let paper = try String(contentsOfFile: file, encoding: .utf8)
        #expect(paper.contains("骏达汽车服务") && paper.contains(roNumber) && paper.contains("LVGBE40K7GP123456"))
        #expect(paper.contains("138****5678") && !paper.contains("13812345678"))
        #expect(paper.contains("Copy 1 (customer)") && paper.contains("Copy 2 (shop)"))

        // The receipt layout in GB18030 for a Chinese receipt printer.
        let receipt = try runAdvisor(["statement", "--db", db, roNumber, "--width", "48", "--encoding", "gb18030"],
                                     user: lina, in: folder)
        #expect(receipt.status == 0, "\(receipt.out)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(String(data: bytes, encoding: .utf8) == nil)
        let decoded = try #require(PaperEncoding.gb18030.decode(bytes))
        #expect(decoded.contains("柒佰柒拾元整"))
        #expect(decoded.split(separator: "\n").allSatisfy { PaperText.width(String($0)) <= 48 })

        // The health-archive export: the advisor may not; the admin gets the record, a second --pending run nothing.
        let out = folder.path("archive.csv")
        let notAllowed = try runAdvisor(["archive", "export", "--db", db, "--pending", out], user: lina, in: folder)
        #expect(notAllowed.status != 0, "\(notAllowed.out)")
        let first = try runAdvisor(["archive", "export", "--db", db, "--pending", out], user: admin, in: folder)
        #expect(first.status == 0 && first.out.contains("Exported 1 repair record(s)"), "\(first.out)")
        let csvText = try String(contentsOfFile: out, encoding: .utf8)
        #expect(csvText.contains("骏达汽车服务,LVGBE40K7GP123456,粤A12345"), "\(csvText)")
        #expect(csvText.contains(current.number) && csvText.contains("更换前刹车片") && csvText.contains("minorRepair"))
        let second = try runAdvisor(["archive", "export", "--db", db, "--pending", "--format", "jsonl", out], user: admin, in: folder)
        #expect(second.status == 0 && second.out.contains("Exported 0 repair record(s)"), "\(second.out)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).isEmpty)
    }
}
