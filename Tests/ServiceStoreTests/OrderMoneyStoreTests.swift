import Foundation
import Testing
import ServiceDomain
@testable import ServiceStore

/// Money on the order: the estimate is the first line, the final amounts come from the lines, lines can be
/// corrected before delivery, added work keeps how the customer approved it.
@Suite struct OrderMoneyStoreTests {
    /// A walk-in as the check-in desk saves it: estimate typed, the form's line from it.
    private func walkIn(_ shop: WorkshopShop, labour: Fen = .yuan(380), parts: Fen = .yuan(120),
                        repairClass: RepairClass = .minorRepair, jobs: [Job]? = nil) throws -> RepairOrder {
        var ro = Fixture.repairOrder(customer: shop.customer, vehicle: shop.vehicle, openedAt: shop.at(0))
        ro.repairClass = repairClass
        ro.estimateLabour = labour
        ro.estimateParts = parts
        let line = WorkLines.fromEstimate(concern: "刹车异响", labour: labour, parts: parts, labourMinutes: 90)
        return try shop.db.createRepairOrder(
            ro, concerns: [Concern(repairOrderID: 0, text: "刹车异响", category: .brakes)], jobs: jobs ?? [line],
            operator: shop.op(shop.advisor), now: shop.at(0), timeZone: Fixture.shanghai)
    }

    /// Dispatched to A, worked on, QC passed by the lead, ready.
    private func ready(_ shop: WorkshopShop, _ order: RepairOrder) throws -> RepairOrder {
        var ro = try shop.db.dispatch(roID: order.id!, technicianID: shop.techA.id!, version: order.version,
                                      operator: shop.op(shop.advisor), now: shop.at(5))
        ro = try shop.move(ro, .inProgress, 10)
        ro = try shop.move(ro, .qualityCheck, 50)
        try shop.db.recordQualityCheck(roID: ro.id!, passed: true, inspectorID: shop.inspector.id, operator: shop.op(shop.inspector),
                                       now: shop.at(55))
        return try shop.move(try shop.fresh(ro), .readyForPickup, 60)
    }

    @Test func theEstimateIsTheFirstLineAndTheDeliveredTotal() throws {
        let shop = try WorkshopShop()
        var ro = try walkIn(shop)
        let lines = try shop.db.jobs(repairOrderID: ro.id!)
        #expect(lines.map(\.total) == [.yuan(500)])
        #expect(lines.first?.labourHours == 1.5)
        ro = try ready(shop, ro)
        let context = try #require(try shop.db.deliveryContext(roID: ro.id!, operator: shop.op(shop.advisor)))
        #expect(context.finalLabour + context.finalParts == .yuan(500))
        // The amount item is satisfied by the data: no "amount differs" approval for a walk-in.
        let amount = try #require(context.items.first { $0.check == .amountMatchesEstimate })
        #expect(context.isSatisfiedByData(amount))
        let result = try shop.db.deliver(roID: ro.id!, version: context.order.version, ticked: shop.allManualTicks,
                                         shopName: "店", operator: shop.op(shop.advisor), now: shop.at(70))
        #expect(result.order.finalLabour == .yuan(380) && result.order.finalParts == .yuan(120))
        #expect(result.summary.contains("合计 Total:    ¥500.00"))
        #expect(!result.summary.contains("Free of charge"))
    }

    @Test func anOrderOpenedWithoutLinesGetsTheEstimateAsItsFirstLine() throws {
        let shop = try WorkshopShop()
        let ro = try shop.open(.minorRepair, jobs: [], concerns: ["刹车异响", "空调不制冷"])
        let lines = try shop.db.jobs(repairOrderID: ro.id!)
        #expect(lines.map(\.description) == ["刹车异响", "空调不制冷"])
        #expect(lines.map(\.total) == [.yuan(500), .zero])
    }

    @Test func approvedAddedWorkCountsAndNeedsNoSecondApproval() throws {
        let shop = try WorkshopShop()
        var ro = try walkIn(shop)
        ro = try shop.db.dispatch(roID: ro.id!, technicianID: shop.techA.id!, version: ro.version,
                                  operator: shop.op(shop.advisor), now: shop.at(5))
        ro = try shop.move(ro, .inProgress, 10)
        let pads = try shop.db.addAdditionalJob(roID: ro.id!, description: "更换刹车片", labour: .yuan(100),
                                                parts: .yuan(300), operator: shop.op(shop.techA), now: shop.at(20))
        let wipers = try shop.db.addAdditionalJob(roID: ro.id!, description: "更换雨刮", labour: .zero,
                                                  parts: .yuan(90), operator: shop.op(shop.techA), now: shop.at(21))
        let approved = try shop.db.decideAdditionalJob(jobID: pads.id!, approved: true, method: .phone,
                                                       operator: shop.op(shop.advisor), now: shop.at(25))
        try shop.db.decideAdditionalJob(jobID: wipers.id!, approved: false, method: .inPerson,
                                        operator: shop.op(shop.advisor), now: shop.at(26))
        let stored = try shop.db.jobs(repairOrderID: ro.id!)
        #expect(stored.first { $0.id == pads.id }?.approvalMethod == .phone)
        #expect(stored.first { $0.id == pads.id }?.decidedByID == shop.advisor.id)
        #expect(stored.first { $0.id == pads.id }?.decidedAt == shop.at(25))
        #expect(approved.approvalMethod == .phone)
        #expect(stored.first { $0.id == wipers.id }?.status == .declined)
        let audit = try shop.db.auditEntries(entity: Job.table, entityID: pads.id!)
        #expect(audit.contains { $0.action == "approve" && $0.detail.contains("phone") })

        ro = try shop.move(try shop.fresh(ro), .qualityCheck, 40)
        try shop.db.recordQualityCheck(roID: ro.id!, passed: true, inspectorID: shop.inspector.id,
                                       operator: shop.op(shop.inspector), now: shop.at(45))
        ro = try shop.move(try shop.fresh(ro), .readyForPickup, 50)
        let context = try #require(try shop.db.deliveryContext(roID: ro.id!, operator: shop.op(shop.advisor)))
        #expect(context.finalLabour + context.finalParts == .yuan(900))
        #expect(context.isSatisfiedByData(context.items.first { $0.check == .amountMatchesEstimate }!))
        let result = try shop.db.deliver(roID: ro.id!, version: context.order.version, ticked: shop.allManualTicks,
                                         shopName: "店", operator: shop.op(shop.advisor), now: shop.at(60))
        #expect(result.summary.contains("合计 Total:    ¥900.00"))
        #expect(result.summary.contains("更换雨刮"))  // declined, under "recommended"

        // The declined line is on the customer's card at the next visit.
        let card = try #require(try shop.db.customerCard(customerID: shop.customer.id!))
        #expect(card.declinedWork.map(\.description) == ["更换雨刮"])
    }

    @Test func aLineIsCorrectedBeforeDeliveryVersionCheckedAndAudited() throws {
        let shop = try WorkshopShop()
        var ro = try walkIn(shop)
        let line = try #require(try shop.db.jobs(repairOrderID: ro.id!).first)
        let edited = try shop.db.editWorkLine(jobID: line.id!, labour: .yuan(420), parts: .yuan(150), labourHours: 2,
                                              orderVersion: ro.version, operator: shop.op(shop.advisor), now: shop.at(3))
        #expect(edited.total == .yuan(570))
        // The terminal still holding the old version is refused, not silently overwriting.
        #expect(throws: StoreError.self) {
            try shop.db.editWorkLine(jobID: line.id!, labour: .yuan(1), parts: .zero, labourHours: 0,
                                     orderVersion: ro.version, operator: shop.op(shop.advisor), now: shop.at(4))
        }
        #expect(throws: ValidationError.self) {
            try shop.db.editWorkLine(jobID: line.id!, labour: Fen(-1), parts: .zero, labourHours: 0,
                                     orderVersion: try shop.fresh(ro).version, operator: shop.op(shop.advisor), now: shop.at(4))
        }
        let audit = try shop.db.auditEntries(entity: Job.table, entityID: line.id!)
        #expect(audit.contains { $0.action == "update" && $0.detail.contains("42000") })
        ro = try ready(shop, try shop.fresh(ro))
        let context = try #require(try shop.db.deliveryContext(roID: ro.id!, operator: shop.op(shop.advisor)))
        #expect(context.finalLabour == .yuan(420) && context.finalParts == .yuan(150))
        // Differs from the signed estimate: the customer's approval of the difference is asked for.
        #expect(!context.isSatisfiedByData(context.items.first { $0.check == .amountMatchesEstimate }!))
        var ticks = shop.allManualTicks
        ticks["amount"] = .doneWithNote("客户同意加价")
        let result = try shop.db.deliver(roID: ro.id!, version: context.order.version, ticked: ticks, shopName: "店",
                                         operator: shop.op(shop.advisor), now: shop.at(70))
        #expect(result.order.finalLabour == .yuan(420))
        #expect(throws: DispatchError.self) {
            try shop.db.editWorkLine(jobID: line.id!, labour: .yuan(1), parts: .zero, labourHours: 0,
                                     orderVersion: result.order.version, operator: shop.op(shop.advisor), now: shop.at(80))
        }
    }

    @Test func aFreeOrderSaysSoOnTheSummary() throws {
        let shop = try WorkshopShop()
        var ro = try walkIn(shop, labour: .zero, parts: .zero)
        ro = try ready(shop, ro)
        let context = try #require(try shop.db.deliveryContext(roID: ro.id!, operator: shop.op(shop.advisor)))
        let result = try shop.db.deliver(roID: ro.id!, version: context.order.version, ticked: shop.allManualTicks,
                                         shopName: "店", operator: shop.op(shop.advisor), now: shop.at(70))
        #expect(result.summary.contains("合计 Total:    ¥0.00"))
        #expect(result.summary.contains("免费：所有项目均不收费 Free of charge: no line is charged"))
    }
}
