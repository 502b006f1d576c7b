import Foundation
import SocialCart
import Walkthrough
import XCTest

/// Runs the example's story so that it cannot rot.
final class WalkthroughTests: XCTestCase {
    func testTheStoryRunsToTheEnd() throws {
        let live = SCLibrary.liveObjectCount
        let program = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../walkthrough/program.json").standardizedFileURL.path
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("walkthrough-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var lines: [String] = []
        let order = try runWalkthrough(
            programPath: program, databasePath: directory.appendingPathComponent("walkthrough.db").path,
            say: { lines.append($0) })
        let text = lines.joined(separator: "\n")

        XCTAssertEqual(order.state, .partiallyRefunded)
        XCTAssertEqual(order.paymentRef, "wxpay-20261123-0001")
        XCTAssertEqual(order.totalMinor, 28_800)
        XCTAssertEqual(order.refundedMinor, 4_200)
        XCTAssertEqual(order.lines.map(\.skuId), ["tea-oolong-250g", "cup-celadon"])
        // The same story as examples/walkthrough/walkthrough.c prints.
        for expected in [
            "    tea-oolong-250g  Tieguanyin oolong tea, 250 g          CNY 68.00  12 left",
            "    refused: SKU kettle-iron is not for sale (SC_ERR_SKU_INACTIVE)",
            "      [x] 2 x Celadon tea cup                       CNY 42.00  price changed (was CNY 39.50)",
            "    total payable CNY 288.00",
            "    cups available: 3 before checkout, 1 now (held for the order)",
            "(SC_ERR_AMOUNT_MISMATCH)",
            ": paid, total CNY 288.00",
            ": partially_refunded, total CNY 288.00, refunded CNY 42.00",
            "(SC_ERR_REFUND_EXCEEDS_PAID)",
            "the sweep settled 1 order(s); Wei's order is cancelled (payment window lapsed), cups available: 1",
            "(SC_ERR_EXPIRED)",
            "order.paid",
            "order.cancelled",
        ] {
            XCTAssertTrue(text.contains(expected), "missing: \(expected)\n\(text)")
        }
        XCTAssertEqual(SCLibrary.liveObjectCount, live, "the walkthrough leaked handles")
    }
}
