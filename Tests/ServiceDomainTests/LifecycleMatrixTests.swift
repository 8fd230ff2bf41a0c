import Foundation
import Testing
@testable import ServiceDomain

/// Every pair of stages, for a class with and without mandatory QC, with and without a passed QC,
/// against the workshop flow written out by hand.
@Suite struct LifecycleMatrixTests {
    /// The allowed moves written out independently of `ROLifecycle.flow` (hold and cancel aside).
    static let expectedFlow: [ROStage: [ROStage]] = [
        .checkedIn: [.dispatched],
        .dispatched: [.inProgress],
        .inProgress: [.waitingParts, .qualityCheck, .washing, .readyForPickup],
        .waitingParts: [.inProgress],
        .qualityCheck: [.inProgress, .washing, .readyForPickup],
        .washing: [.readyForPickup],
        .readyForPickup: [.delivered, .inProgress],
    ]

    static func expected(from: ROStage, to: ROStage, mandatory: Bool, qcPassed: Bool) -> TransitionError.Kind? {
        if from == to { return .sameStage }
        if !from.isOpen { return .closed }
        if to == .onHold || to == .cancelled { return nil }
        let gated: Set<ROStage> = [.washing, .readyForPickup]
        if from == .onHold {
            // Resuming (the stage it left unknown here) is still subject to the QC rule.
            if to == .delivered { return .notAllowed }
            return mandatory && !qcPassed && gated.contains(to) ? .qcRequired : nil
        }
        if mandatory && from == .inProgress && gated.contains(to) { return .qcRequired }
        guard expectedFlow[from, default: []].contains(to) else { return .notAllowed }
        if mandatory && !qcPassed && gated.contains(to) { return .qcRequired }
        return nil
    }

    @Test(arguments: [RepairClass.level2Maintenance, .minorRepair], [false, true])
    func everyPair(repairClass: RepairClass, qcPassed: Bool) {
        let mandatory = ROLifecycle.isQCMandatory(repairClass)
        for from in ROStage.allCases {
            for to in ROStage.allCases {
                let want = Self.expected(from: from, to: to, mandatory: mandatory, qcPassed: qcPassed)
                var got: TransitionError.Kind?
                do {
                    try ROLifecycle.check(from: from, to: to, repairClass: repairClass, qcPassed: qcPassed,
                                          reason: "客户要求")
                } catch let error as TransitionError {
                    got = error.kind
                    #expect(!error.message.zh.isEmpty && !error.message.en.isEmpty)
                } catch {
                    Issue.record("unexpected \(error)")
                }
                #expect(got == want, "\(from) → \(to), \(repairClass), qc \(qcPassed)")
            }
        }
    }

    @Test func qcMessageMatchesTheIssueExample() throws {
        let error = try #require(throws: TransitionError.self) {
            try ROLifecycle.check(from: .qualityCheck, to: .readyForPickup, repairClass: .level2Maintenance,
                                  qcPassed: false, reason: "")
        }
        #expect(error.message.en == "QC required before ready for pickup: level-2 maintenance")
        #expect(error.message.zh.contains("二级维护"))
    }
}
