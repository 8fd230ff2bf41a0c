import Foundation
import Testing
import GRDB
import ServiceDomain
@testable import ServiceStore

/// Settlement in the store: catalogue labour, part lines and consent, discounts by role, the settle action
/// with its number series, frozen lines and corrections as new versions, the statement file.
@Suite struct SettlementStoreTests {
    static let catalogue = """
        code,name,labour_type,standard_hours
        BRK01,更换前刹车片,机修,1.5
        MNT02,二级维护,机修,2
        PNT01,前保险杠喷漆,喷漆,3.25
        """

    /// A shop with an admin, the catalogue imported and the rates set.
    private func shop() throws -> (WorkshopShop, Staff) {
        let shop = try WorkshopShop()
        let admin = try shop.db.saveStaff(Staff(login: "admin1", name: "管理员", roles: [.admin]),
                                          operator: Operator(staffID: nil, name: "setup"), now: Fixture.morning)
        try shop.db.importLabourCatalogue(csv: Self.catalogue, operator: shop.op(admin), now: shop.at(0))
        try shop.db.setLabourRate(labourType: "机修", rate: Fen(33_333), operator: shop.op(admin), now: shop.at(0))
        try shop.db.setLabourRate(labourType: "喷漆", rate: .yuan(200), operator: shop.op(admin), now: shop.at(0))
        return (shop, admin)
    }

    @Test func theCatalogueImportsAndRefusesABadFileWhole() throws {
        let (shop, admin) = try shop()
        #expect(try shop.db.labourCatalogue().map(\.code) == ["BRK01", "MNT02", "PNT01"])
        #expect(try shop.db.labourCatalogue().first?.standardHundredths == 150)
        let again = try shop.db.importLabourCatalogue(csv: Self.catalogue.replacingOccurrences(of: "2\n", with: "2.5\n"),
                                                      operator: shop.op(admin), now: shop.at(1))
        #expect(again == LabourCatalogueImport(added: 0, updated: 1, unchanged: 2))
        let bad = "代码,名称,工种,标准工时\nX1,好的,机修,1\nX2,,机修,1\nX3,坏工时,机修,abc\nX1,重复,机修,1\n"
        let error = try #require(throws: LabourCatalogueError.self) {
            try shop.db.importLabourCatalogue(csv: bad, operator: shop.op(admin), now: shop.at(2))
        }
        #expect(error.problems.count == 3)
        #expect(error.message.zh.contains("第 3 行") && error.message.zh.contains("第 4 行") && error.message.zh.contains("第 5 行"))
        #expect(try shop.db.labourCatalogue().count == 3)  // nothing of the bad file saved
        // Only admins change the shop's files (checked inside the write).
        #expect(throws: PermissionError.self) {
            try shop.db.importLabourCatalogue(csv: Self.catalogue, operator: shop.op(shop.advisor), now: shop.at(3))
        }
    }

    @Test func aCatalogueOperationFillsHoursAndRate() throws {
        let (shop, _) = try shop()
        let ro = try shop.open(jobs: [])
        let job = try shop.db.addCatalogueLabour(roID: ro.id!, code: "BRK01", operator: shop.op(shop.advisor), now: shop.at(1))
        #expect(job.labourHours == 1.5 && job.labour == Fen(50_000) && job.status == .pending)
        #expect(try shop.db.lineCharges(roID: ro.id!)[job.id!]?.operationCode == "BRK01")
        #expect(throws: SettlementError.self) {
            try shop.db.addCatalogueLabour(roID: ro.id!, code: "NOPE", operator: shop.op(shop.advisor), now: shop.at(1))
        }
        // In the workshop the same operation is additional work waiting for the customer's answer.
        var moved = try shop.db.dispatch(roID: ro.id!, technicianID: shop.techA.id!, version: try shop.fresh(ro).version,
                                         operator: shop.op(shop.advisor), now: shop.at(5))
        moved = try shop.move(moved, .inProgress, 10)
        let added = try shop.db.addCatalogueLabour(roID: ro.id!, code: "PNT01", operator: shop.op(shop.techA), now: shop.at(20))
        #expect(added.status == .awaitingApproval && added.isAdditional && added.labour == .yuan(650))
    }

    @Test func aUsedPartNeedsConsentBeforeFittingAndSettling() throws {
        let (shop, _) = try shop()
        let ro = try shop.open()
        let job = try #require(try shop.db.jobs(repairOrderID: ro.id!).first)
        let part = try shop.db.addPartLine(PartLine(jobID: job.id!, number: "27060-0K010", name: "发电机（旧件）",
                                                    quantityHundredths: 100, unitPrice: .yuan(450), kind: .used),
                                           operator: shop.op(shop.advisor), now: shop.at(1))
        #expect(try shop.db.jobs(repairOrderID: ro.id!).first?.parts == .yuan(450))  // the line bills its part lines
        #expect(throws: SettlementError.self) { try shop.db.markPartFitted(partLineID: part.id!, operator: shop.op(shop.techA), now: shop.at(2)) }
        #expect(throws: SettlementError.self) { try shop.db.settle(roID: ro.id!, operator: shop.op(shop.advisor), now: shop.at(3)) }
        try shop.db.recordPartConsent(partLineID: part.id!, givenBy: "王芳", method: .phone, operator: shop.op(shop.advisor),
                                      now: shop.at(4))
        try shop.db.markPartFitted(partLineID: part.id!, operator: shop.op(shop.techA), now: shop.at(5))
        let consent = try #require(try shop.db.partConsents(roID: ro.id!).first)
        #expect(consent.givenBy == "王芳" && consent.method == .phone && consent.recordedByID == shop.advisor.id && consent.at == shop.at(4))
        #expect(try shop.db.settle(roID: ro.id!, operator: shop.op(shop.advisor), now: shop.at(6)).customerPays == .yuan(750))
        // A technician cannot record the customer's consent.
        #expect(throws: PermissionError.self) {
            try shop.db.recordPartConsent(partLineID: part.id!, givenBy: "x", method: .phone, operator: shop.op(shop.techA), now: shop.at(7))
        }
    }

    @Test func discountsFollowTheRoleLimitAndAManagerApproves() throws {
        let (shop, _) = try shop()
        let ro = try shop.open()  // one line: ¥300 labour + ¥200 parts
        let job = try #require(try shop.db.jobs(repairOrderID: ro.id!).first)
        // The advisor may give 5% of ¥500 = ¥25.
        try shop.db.approveDiscount(roID: ro.id!, jobID: job.id!, amount: .yuan(25), operator: shop.op(shop.advisor), now: shop.at(1))
        #expect(throws: SettlementError.self) {
            try shop.db.approveDiscount(roID: ro.id!, jobID: nil, amount: .yuan(26), operator: shop.op(shop.advisor), now: shop.at(2))
        }
        // The manager approves ¥50 on the order (beyond an advisor's limit): audited as the approval.
        try shop.db.approveDiscount(roID: ro.id!, jobID: nil, amount: .yuan(50), operator: shop.op(shop.manager), now: shop.at(3))
        let audit = try shop.db.auditEntries(entity: RepairOrder.table, entityID: ro.id!)
        #expect(audit.contains { $0.action == "approveDiscount" && $0.operatorID == shop.manager.id })
        #expect(audit.contains { $0.action == "discount" && $0.operatorID == shop.advisor.id })
        let settled = try shop.db.settle(roID: ro.id!, operator: shop.op(shop.advisor), now: shop.at(4))
        #expect(settled.customerPays == .yuan(425) && settled.orderDiscount == .yuan(50))
        #expect(try settled.totals().lineDiscounts == .yuan(25))
    }

    @Test func settlingNumbersPerDayFreezesAndCorrectsAsNewVersions() throws {
        let (shop, _) = try shop()
        let first = try shop.open()
        let second = try shop.open(minutes: 1)
        let a = try shop.db.settle(roID: first.id!, operator: shop.op(shop.advisor), now: shop.at(30))
        let b = try shop.db.settle(roID: second.id!, operator: shop.op(shop.advisor), now: shop.at(31))
        let day = RONumber.dayKey(shop.at(30), timeZone: Fixture.shanghai)
        #expect(a.number == "JS-\(day)-0001" && b.number == "JS-\(day)-0002")
        #expect(a.versionNo == 1 && a.total == .yuan(500))
        // Frozen: no second settlement, no line edits, no new lines, not even by SQL.
        #expect(throws: SettlementError.self) { try shop.db.settle(roID: first.id!, operator: shop.op(shop.advisor), now: shop.at(32)) }
        let job = try #require(try shop.db.jobs(repairOrderID: first.id!).first)
        #expect(throws: SettlementError.self) {
            try shop.db.addPartLine(PartLine(jobID: job.id!, number: "1", name: "机油", quantityHundredths: 400, unitPrice: .yuan(50)),
                                    operator: shop.op(shop.advisor), now: shop.at(33))
        }
        #expect(throws: DatabaseError.self) {
            try shop.db.dbPool.write { try $0.execute(sql: "UPDATE job SET labour = 1 WHERE id = ?", arguments: [job.id!]) }
        }
        #expect(throws: DatabaseError.self) {
            try shop.db.dbPool.write { try $0.execute(sql: "DELETE FROM settlement WHERE id = ?", arguments: [a.id!]) }
        }
        #expect(throws: DatabaseError.self) {  // a settled order cannot be deleted
            try shop.db.dbPool.write { try $0.execute(sql: "DELETE FROM repair_order WHERE id = ?", arguments: [first.id!]) }
        }
        // A correction needs a reason and is a new version; the old one is kept as it was.
        #expect(throws: ValidationError.self) {
            try shop.db.correctSettlement(roID: first.id!, reason: " ", corrections: [], operator: shop.op(shop.advisor), now: shop.at(40))
        }
        let corrected = try shop.db.correctSettlement(
            roID: first.id!, reason: "保修审核通过", corrections: [.paymentBasis(jobID: job.id!, basis: .warranty, claimNumber: "")],
            operator: shop.op(shop.advisor), now: shop.at(41))
        #expect(corrected.number == a.number && corrected.versionNo == 2 && corrected.customerPays == .zero)
        let versions = try shop.db.settlementVersions(roID: first.id!)
        #expect(versions.map(\.versionNo) == [1, 2] && versions.map(\.isCurrent) == [false, true])
        #expect(versions[0].customerPays == .yuan(500) && versions[0].reason.isEmpty)
        #expect(try shop.db.currentSettlement(roID: first.id!)?.reason == "保修审核通过")
        #expect(try shop.db.auditEntries(entity: RepairOrder.table, entityID: first.id!).contains { $0.action == "correctSettlement" })
        // A technician cannot settle.
        let third = try shop.open(minutes: 2)
        #expect(throws: PermissionError.self) { try shop.db.settle(roID: third.id!, operator: shop.op(shop.techA), now: shop.at(50)) }
    }

    @Test func insuranceNeedsAClaimAndGoodwillAManager() throws {
        let (shop, _) = try shop()
        let ro = try shop.open()
        let job = try #require(try shop.db.jobs(repairOrderID: ro.id!).first)
        #expect(throws: SettlementError.self) {
            try shop.db.setPaymentBasis(jobID: job.id!, basis: .insurance, operator: shop.op(shop.advisor), now: shop.at(1))
        }
        #expect(throws: SettlementError.self) {
            try shop.db.setPaymentBasis(jobID: job.id!, basis: .goodwill, goodwillApproverID: shop.inspector.id,
                                        operator: shop.op(shop.advisor), now: shop.at(1))
        }
        try shop.db.setPaymentBasis(jobID: job.id!, basis: .goodwill, goodwillApproverID: shop.manager.id,
                                    operator: shop.op(shop.advisor), now: shop.at(2))
        let s = try shop.db.settle(roID: ro.id!, operator: shop.op(shop.advisor), now: shop.at(3))
        let goodwill = try s.totals().subtotal(.goodwill)
        #expect(s.customerPays == .zero && s.total == .yuan(500) && goodwill == .yuan(500))
    }

    @Test func theStatementFileIsWrittenInTheChosenEncoding() throws {
        let (shop, admin) = try shop()
        try shop.db.setSetting(key: PrintSettingKey.shopName, value: "广州骏达汽车服务", operator: shop.op(admin), now: shop.at(0))
        try shop.db.setSetting(key: PrintSettingKey.encoding, value: "gb18030", operator: shop.op(admin), now: shop.at(0))
        try shop.db.setSetting(key: PrintSettingKey.statementFolder, value: shop.folder.file("papers").path,
                               operator: shop.op(admin), now: shop.at(0))
        let ro = try shop.open()
        let s = try shop.db.settle(roID: ro.id!, operator: shop.op(shop.advisor), now: shop.at(3))
        let written = try shop.db.writeStatement(roID: ro.id!)
        #expect(written.path.hasSuffix("papers/\(s.number)-v1.txt"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: written.path))
        #expect(String(data: bytes, encoding: .utf8) == nil)  // not UTF-8: GB18030 bytes
        #expect(PaperEncoding.gb18030.decode(bytes) == written.text)
        #expect(written.text.contains("伍佰元整") && written.text.contains("广州骏达汽车服务"))
        #expect(written.text.contains("30 天或 5,000 公里"))  // level-2 maintenance window from the comeback settings
    }

    @Test func archiveRecordsLackingAFieldAreNamedAndExportsAreMarked() throws {
        let (shop, admin) = try shop()
        try shop.db.setSetting(key: PrintSettingKey.shopName, value: "骏达", operator: shop.op(admin), now: shop.at(0))
        let withVIN = try Fixture.vehicle(shop.db, owner: shop.customer, plate: "粤A54321", vin: "LVGBE40K7GP123456")
        let good = try shop.open(.minorRepair, concerns: ["刹车异响"], vehicle: withVIN)
        let noVIN = try shop.open(.level2Maintenance, concerns: ["保养"], minutes: 1)
        try shop.db.settle(roID: good.id!, operator: shop.op(shop.advisor), now: shop.at(30))
        try shop.db.settle(roID: noVIN.id!, operator: shop.op(shop.advisor), now: shop.at(31))
        #expect(throws: PermissionError.self) {
            try shop.db.archiveCandidates(since: shop.at(-60), until: nil, pendingOnly: true, operator: shop.op(shop.advisor))
        }
        let all = try shop.db.archiveCandidates(since: shop.at(-60), until: nil, pendingOnly: true, operator: shop.op(shop.manager))
        #expect(all.map(\.roNumber) == [good.number, noVIN.number])
        #expect(all[0].missing.isEmpty)
        #expect(all[0].record.vin == "LVGBE40K7GP123456" && all[0].record.faultDescription == "刹车异响")
        #expect(all[0].record.repairItems == ["二级维护"] && all[0].record.mileageIn == 12_000)
        #expect(all[1].missing.map(\.en) == ["VIN", "QC result and inspector"])
        let csv = try ArchiveFile.text([all[0].record], format: .csv)
        #expect(csv.hasPrefix("\u{FEFF}shop_name,vin,plate"))
        #expect(csv.contains("骏达,LVGBE40K7GP123456,粤A54321"))
        #expect(try ArchiveFile.text([all[0].record], format: .jsonl).hasPrefix("{\"dateIn\""))
        try shop.db.markArchiveExported(settlementIDs: [all[0].settlementID], fileName: "a.csv", operator: shop.op(shop.manager),
                                        now: shop.at(40))
        let pending = try shop.db.archiveCandidates(since: shop.at(-60), until: nil, pendingOnly: true, operator: shop.op(shop.manager))
        #expect(pending.map(\.roNumber) == [noVIN.number])
        // A correction is a new version: its record is pending again.
        try shop.db.correctSettlement(roID: good.id!, reason: "改价", corrections: [], operator: shop.op(shop.advisor), now: shop.at(50))
        let again = try shop.db.archiveCandidates(since: shop.at(-60), until: nil, pendingOnly: true, operator: shop.op(shop.manager))
        #expect(again.map(\.roNumber) == [noVIN.number, good.number])
    }
}
