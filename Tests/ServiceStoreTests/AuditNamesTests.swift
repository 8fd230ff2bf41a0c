import Foundation
import Testing
import ServiceDomain
@testable import ServiceStore

/// The trail speaks the shop's language: ids are read back as names, plates and RO numbers, and the
/// filter by RO includes the order's QC results.
@Suite struct AuditNamesTests {
    @Test func aChangedOwnerIsReadBackAsTheCustomersNames() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let zhang = try Fixture.customer(db, "张伟", phones: ["13812345678"])
        let li = try Fixture.customer(db, "李娜", phones: ["13998765432"])
        var car = try Fixture.vehicle(db, owner: zhang, plate: "粤A12345")
        car.ownerID = li.id!
        _ = try db.saveVehicle(car, operator: Fixture.reception, now: Fixture.morning.addingTimeInterval(60))
        let page = try db.auditPage(filter: AuditQuery(), beforeID: nil, limit: 10)
        let update = try #require(page.first { $0.entry.entity == "vehicle" && $0.entry.action == "update" })
        #expect(update.entry.detail.contains("owner_id"))   // the trail keeps the ids
        #expect(update.names["owner_id=\(zhang.id!)"] == "张伟")
        #expect(update.names["owner_id=\(li.id!)"] == "李娜")
    }

    @Test func referencesPointAtTheRightTable() {
        #expect(AuditNames.kind(entity: "vehicle", field: "owner_id") == .customer)
        #expect(AuditNames.kind(entity: "complaint", field: "owner_id") == .staff)
        #expect(AuditNames.kind(entity: "repair_order", field: "vehicle_id") == .vehicle)
        #expect(AuditNames.kind(entity: "quality_check", field: "inspector_id") == .staff)
        #expect(AuditNames.kind(entity: "repair_order", field: "mileage_in") == nil)
        let refs = AuditNames.references(entity: "vehicle", detail: #"{"owner_id":{"new":15,"old":5},"plate":"粤A1"}"#)
        #expect(Set(refs.map(\.id)) == [5, 15] && refs.allSatisfy { $0.field == "owner_id" })
    }

    @Test func filteringByROShowsItsQCResults() throws {
        let shop = try WorkshopShop()
        let ro = try shop.inQC(.majorAssembly)
        _ = try shop.db.recordQualityCheck(roID: ro.id!, passed: false, note: "刹车仍有异响", operator: shop.op(shop.inspector),
                                           now: shop.at(61))
        let rows = try shop.db.auditPage(filter: AuditQuery(roNumber: ro.number), beforeID: nil, limit: 50)
        let qc = try #require(rows.first { $0.entry.entity == "quality_check" })
        #expect(qc.entry.action == "qcFailed")
        #expect(qc.subject == ro.number)
        #expect(qc.names["inspector_id=\(shop.inspector.id!)"] == "梁振华")
        #expect(qc.names["repair_order_id=\(ro.id!)"] == ro.number)
    }
}
