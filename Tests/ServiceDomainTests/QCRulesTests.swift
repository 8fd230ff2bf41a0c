import Foundation
import Testing
@testable import ServiceDomain

@Suite struct QCRulesTests {
    let t0 = Date(timeIntervalSince1970: 1_795_309_200)

    func change(_ to: ROStage, _ minutes: Double) -> StageChange {
        StageChange(repairOrderID: 1, from: nil, to: to, at: t0.addingTimeInterval(minutes * 60), operatorID: nil)
    }

    func qc(_ passed: Bool, _ minutes: Double) -> QualityCheck {
        QualityCheck(repairOrderID: 1, inspectorID: 7, inspectorName: "梁振华", passed: passed,
                     at: t0.addingTimeInterval(minutes * 60))
    }

    @Test func passCountsOnlyForTheCurrentRound() {
        let history = [change(.checkedIn, 0), change(.inProgress, 10), change(.qualityCheck, 60)]
        #expect(QCRules.isPassed(checks: [qc(true, 65)], history: history))
        #expect(!QCRules.isPassed(checks: [], history: history))
        #expect(!QCRules.isPassed(checks: [qc(true, 65), qc(false, 70)], history: history))
        #expect(QCRules.isPassed(checks: [qc(false, 62), qc(true, 70)], history: history))
        // Back to work and into QC again: the earlier pass no longer covers it.
        let again = history + [change(.inProgress, 80), change(.qualityCheck, 120)]
        #expect(!QCRules.isPassed(checks: [qc(true, 65)], history: again))
        #expect(QCRules.isPassed(checks: [qc(true, 65), qc(true, 125)], history: again))
    }

    @Test func recordingNeedsTheQCStageAStaffInspectorAndAFailReason() throws {
        #expect(throws: QCError.self) {
            try QCRules.checkCanRecord(stage: .inProgress, inspectorID: 1, passed: true, note: "")
        }
        #expect(throws: QCError.self) {
            try QCRules.checkCanRecord(stage: .qualityCheck, inspectorID: nil, passed: true, note: "")
        }
        #expect(throws: QCError.self) {
            try QCRules.checkCanRecord(stage: .qualityCheck, inspectorID: 1, passed: false, note: "  ")
        }
        try QCRules.checkCanRecord(stage: .qualityCheck, inspectorID: 1, passed: false, note: "刹车异响未消除")
        try QCRules.checkCanRecord(stage: .qualityCheck, inspectorID: 1, passed: true, note: "")
    }
}
