import ConsoleApp
import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain
import ServiceStore
import Testing

/// The run loop over `TestBackend` and a real store: keys in, store work beside the loop, results back
/// as actions, frames out.
@Suite struct ConsoleRuntimeTests {
    @Test func aTypedSearchReachesTheStoreAndTheScreen() throws {
        let shop = try TestShop()
        let (runtime, backend) = shop.runtime()
        backend.type("王")
        runtime.step(timeoutMilliseconds: 0)
        runtime.render()
        // The inline executor: the results are reduced before the key's turn ends.
        #expect(runtime.state.find.resultsQuery == "王")
        #expect(Set(runtime.state.find.results.map(\.name)) == ["王芳", "王强"])
        #expect(backend.lastFrame?.textLines.contains { $0.contains("王芳") } == true)
    }

    @Test func aSlowStoreDoesNotBlockTyping() throws {
        let shop = try TestShop()
        let executor = GatedExecutor()
        let (runtime, backend) = shop.runtime(executor: executor)
        defer { executor.release() }
        backend.type("王芳")
        // Two keys, two searches handed out; the store answers neither while the gate is shut, and the
        // loop goes on taking keys: were it waiting for the store, these steps would never return.
        runtime.step(timeoutMilliseconds: 0)
        runtime.step(timeoutMilliseconds: 0)
        #expect(runtime.state.find.query.text == "王芳")
        #expect(runtime.state.find.resultsQuery.isEmpty)
        #expect(runtime.isWaitingForStore)
        backend.type("x")
        runtime.step(timeoutMilliseconds: 0)
        backend.enqueue(.backspace)
        runtime.step(timeoutMilliseconds: 0)
        #expect(runtime.state.find.query.text == "王芳")
        runtime.render()
        #expect(backend.lastFrame?.textLines.contains { $0.contains("王芳") } == true, "the typed text is on screen before any result")

        executor.release()
        runtime.settle()
        #expect(!runtime.isWaitingForStore)
        #expect(runtime.state.find.resultsQuery == "王芳")
        #expect(runtime.state.find.results.map(\.name) == ["王芳"])
    }

    @Test func aResultForASearchTheUserHasSinceChangedIsDropped() throws {
        let shop = try TestShop()
        let executor = ManualExecutor()
        let (runtime, backend) = shop.runtime(executor: executor)
        // 王 → 王芳 → 王 again: three searches out, the first and the last for the same text.
        backend.type("王芳")
        backend.enqueue(.backspace)
        for _ in 0..<3 { runtime.step(timeoutMilliseconds: 0) }
        #expect(runtime.state.find.query.text == "王")
        #expect(executor.waiting == 3)

        // The first "王" comes back late: the user has typed since, so it is dropped (not even run),
        // although its text equals the box's again.
        executor.runNext()
        runtime.deliverResults()
        #expect(runtime.state.find.resultsQuery.isEmpty)
        executor.runNext()
        runtime.deliverResults()
        #expect(runtime.state.find.resultsQuery.isEmpty, "the 王芳 result is stale too")
        // The latest one is the one shown.
        executor.runNext()
        runtime.deliverResults()
        #expect(runtime.state.find.resultsQuery == "王")
        #expect(Set(runtime.state.find.results.map(\.name)) == ["王芳", "王强"])
        #expect(!runtime.isWaitingForStore)
    }

    @Test func theCardIsStoreWorkTooAndArrivesAsAnAction() throws {
        let shop = try TestShop()
        let executor = ManualExecutor()
        let (runtime, backend) = shop.runtime(executor: executor)
        backend.type("王")
        runtime.step(timeoutMilliseconds: 0)
        while executor.runNext() { runtime.deliverResults() }
        #expect(runtime.state.find.resultsQuery == "王")
        backend.enqueue(.enter)
        runtime.step(timeoutMilliseconds: 0)
        #expect(runtime.state.find.card == nil, "not there until the store work runs")
        #expect(executor.waiting == 1)
        while executor.runNext() { runtime.deliverResults() }
        #expect(runtime.state.find.card?.customer.name.hasPrefix("王") == true)
    }
}
