import Foundation
import Testing
@testable import ServiceDomain

@Suite struct DeliveryChecklistTests {
    let items = DeliveryChecklist.defaultItems
    let doneJob = Job(id: 1, repairOrderID: 1, description: "二级维护", status: .done, labour: .yuan(300), parts: .yuan(200))

    func manualTicks() -> [String: DeliveryItemState] {
        var t: [String: DeliveryItemState] = [:]
        for item in items where item.check == .manual { t[item.key] = .done }
        return t
    }

    @Test func defaultListHasTheNineSteps() {
        #expect(items.count == 9)
        #expect(Set(items.map(\.key)).count == 9)
    }

    @Test func gatePassesWhenEverythingIsDone() throws {
        let result = try DeliveryChecklist.gate(items: items, ticked: manualTicks(), jobs: [doneJob],
                                                repairClass: .level2Maintenance, qcPassed: true,
                                                finalTotal: .yuan(500), estimateTotal: .yuan(500))
        #expect(result.count == 9)
        #expect(result["workAndQC"] == .done && result["amount"] == .done)
    }

    @Test func gateNamesWhatIsMissing() throws {
        var ticks = manualTicks()
        ticks["oldParts"] = nil
        let error = try #require(throws: DeliveryError.self) {
            try DeliveryChecklist.gate(items: items, ticked: ticks, jobs: [doneJob], repairClass: .minorRepair,
                                       qcPassed: false, finalTotal: .yuan(500), estimateTotal: .yuan(500))
        }
        #expect(error.missing == ["oldParts"])
        #expect(error.message.zh.contains("旧件") && error.message.en.contains("Old parts"))
    }

    @Test func qcIsRequiredForMandatoryClassesOnly() throws {
        #expect(throws: DeliveryError.self) {
            try DeliveryChecklist.gate(items: items, ticked: manualTicks(), jobs: [doneJob],
                                       repairClass: .majorAssembly, qcPassed: false,
                                       finalTotal: .yuan(500), estimateTotal: .yuan(500))
        }
        _ = try DeliveryChecklist.gate(items: items, ticked: manualTicks(), jobs: [doneJob], repairClass: .minorRepair,
                                       qcPassed: false, finalTotal: .yuan(500), estimateTotal: .yuan(500))
        // The work/QC item cannot be ticked by hand.
        var ticks = manualTicks()
        ticks["workAndQC"] = .done
        #expect(throws: DeliveryError.self) {
            try DeliveryChecklist.gate(items: items, ticked: ticks, jobs: [doneJob], repairClass: .majorAssembly,
                                       qcPassed: false, finalTotal: .yuan(500), estimateTotal: .yuan(500))
        }
    }

    @Test func unfinishedJobsBlockTheWorkItem() {
        var pending = doneJob
        pending.status = .pending
        #expect(!DeliveryChecklist.workDone([pending]))
        var declined = doneJob
        declined.status = .declined
        #expect(DeliveryChecklist.workDone([doneJob, declined]))
    }

    @Test func amountDifferenceNeedsTheCustomersApprovalNote() throws {
        var ticks = manualTicks()
        ticks["amount"] = .done
        #expect(throws: DeliveryError.self) {
            try DeliveryChecklist.gate(items: items, ticked: ticks, jobs: [doneJob], repairClass: .minorRepair,
                                       qcPassed: true, finalTotal: .yuan(650), estimateTotal: .yuan(500))
        }
        ticks["amount"] = .doneWithNote("客户同意增加刹车片 ¥150")
        let result = try DeliveryChecklist.gate(items: items, ticked: ticks, jobs: [doneJob], repairClass: .minorRepair,
                                                qcPassed: true, finalTotal: .yuan(650), estimateTotal: .yuan(500))
        #expect(result["amount"] == .doneWithNote("客户同意增加刹车片 ¥150"))
    }

    @Test func overridesNeedAReasonAndAManager() throws {
        var ticks = manualTicks()
        ticks["oldParts"] = .overridden(reason: "")
        #expect(throws: DeliveryError.self) {
            try DeliveryChecklist.gate(items: items, ticked: ticks, jobs: [doneJob], repairClass: .minorRepair,
                                       qcPassed: true, finalTotal: .yuan(500), estimateTotal: .yuan(500))
        }
        ticks["oldParts"] = .overridden(reason: "旧件已按保修返厂")
        let result = try DeliveryChecklist.gate(items: items, ticked: ticks, jobs: [doneJob], repairClass: .minorRepair,
                                                qcPassed: true, finalTotal: .yuan(500), estimateTotal: .yuan(500))
        #expect(result["oldParts"] == .overridden(reason: "旧件已按保修返厂"))
        #expect(DeliveryChecklist.mayOverride(Staff(login: "", name: "郑建国", roles: [.manager])))
        #expect(!DeliveryChecklist.mayOverride(Staff(login: "", name: "李娜", roles: [.advisor])))
        #expect(!DeliveryChecklist.mayOverride(Staff(login: "", name: "郑建国", roles: [.manager], isActive: false)))
        #expect(!DeliveryChecklist.mayOverride(nil))
    }

    @Test func shopListFromSetting() throws {
        let list = try DeliveryChecklist.items(fromSetting: """
            workAndQC
            # our own steps
            keyFob | 钥匙和随车文件已交还 | Key and papers returned
            amount
            """)
        #expect(list.map(\.key) == ["workAndQC", "keyFob", "amount"])
        #expect(list[0].check == .workAndQC && list[1].check == .manual)
        #expect(try DeliveryChecklist.items(fromSetting: nil) == DeliveryChecklist.defaultItems)
        #expect(throws: DeliveryError.self) { try DeliveryChecklist.items(fromSetting: "bad line | only two") }
        #expect(throws: DeliveryError.self) { try DeliveryChecklist.items(fromSetting: "a | 甲 | A\na | 乙 | B") }
    }

    @Test func callbackWindowSetting() throws {
        #expect(try DeliveryChecklist.callbackWindowHours(fromSetting: nil) == 24)
        #expect(try DeliveryChecklist.callbackWindowHours(fromSetting: "48") == 48)
        #expect(throws: DeliveryError.self) { try DeliveryChecklist.callbackWindowHours(fromSetting: "0") }
        #expect(throws: DeliveryError.self) { try DeliveryChecklist.callbackWindowHours(fromSetting: "1.5") }
    }

    @Test func finalAmountsLeaveOutDeclinedAndUnansweredWork() {
        let declined = Job(repairOrderID: 1, description: "四轮定位", status: .declined, isAdditional: true,
                           labour: .yuan(200), parts: .zero)
        let waiting = Job(repairOrderID: 1, description: "更换雨刮", status: .awaitingApproval, isAdditional: true,
                          labour: .zero, parts: .yuan(90))
        let amounts = DeliveryChecklist.finalAmounts(jobs: [doneJob, declined, waiting])
        #expect(amounts.labour == .yuan(300) && amounts.parts == .yuan(200))
    }

    @Test func summaryListsWorkAmountsAndNextService() {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let opened = Date(timeIntervalSince1970: 1_795_309_200)
        var order = RepairOrder(id: 1, number: "RO-20261122-0007", customerID: 1, vehicleID: 1, advisorID: 2,
                                serviceType: .maintenance, repairClass: .level2Maintenance, openedAt: opened,
                                promisedAt: opened.addingTimeInterval(3600 * 4), mileageIn: 20_000,
                                contactPhone: "13812345678", estimateLabour: .yuan(300), estimateParts: .yuan(200))
        order.finalLabour = .yuan(300)
        order.finalParts = .yuan(200)
        let declined = Job(repairOrderID: 1, description: "四轮定位", status: .declined, isAdditional: true)
        let text = DeliverySummary.text(.init(shopName: "天河店", order: order, plate: "粤A12345", model: "迈腾",
                                              customerName: "王芳", advisorName: "李娜", jobs: [doneJob, declined],
                                              qc: QualityCheck(repairOrderID: 1, inspectorID: 3, inspectorName: "梁振华",
                                                               passed: true, at: opened.addingTimeInterval(3600)),
                                              deliveredAt: opened.addingTimeInterval(5 * 3600),
                                              callbackDueAt: opened.addingTimeInterval(29 * 3600)),
                                        timeZone: zone)
        #expect(text.contains("RO-20261122-0007"))
        #expect(text.contains("粤A·12345"))
        #expect(text.contains("合计 Total:    ¥500.00"))
        #expect(text.contains("梁振华"))
        #expect(text.contains("Recommended, not done:\n  - 四轮定位"))
        #expect(text.contains("2027-05-22 或 or 25,000 km"))
        #expect(text.contains("回访 Follow-up call: 2026-11-23 14:00"))
    }
}
