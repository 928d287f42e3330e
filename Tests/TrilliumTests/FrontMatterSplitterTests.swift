import Testing
@testable import TrilliumModel
@testable import TrilliumSource
@testable import TrilliumMarkdown
@testable import TrilliumDirectory
@testable import TrilliumSearch
@testable import TrilliumPlan
@testable import TrilliumRender
@testable import TrilliumPipeline
@testable import TrilliumCheck
import TrilliumDefaultTheme

@Suite("Front matter splitting")
struct FrontMatterSplitterTests {
    let splitter = FrontMatterSplitter()

    func splitParts(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> FrontMatterSplitter.Parts? {
        switch splitter.split(text) {
        case .success(let parts): return parts
        case .failure(let problem):
            Issue.record("split failed: \(problem)", sourceLocation: sourceLocation)
            return nil
        }
    }

    @Test func yamlAndBodyAreSeparatedWithTheBodyStartLine() throws {
        let parts = try #require(splitParts("---\ntitle: A\ndescription: B\n---\nFirst line.\nSecond line.\n"))
        #expect(parts.yaml == "title: A\ndescription: B")
        #expect(parts.yamlLineOffset == 1)
        #expect(parts.body == "First line.\nSecond line.\n")
        #expect(parts.bodyStartLine == 5)
    }

    @Test func aByteOrderMarkIsRemovedAndLinesStayTheSame() throws {
        let parts = try #require(splitParts("\u{FEFF}---\ntitle: A\n---\nBody\n"))
        #expect(parts.yaml == "title: A")
        #expect(parts.yamlLineOffset == 1)
        #expect(parts.bodyStartLine == 4)
    }

    @Test func crlfLineEndingsAreAcceptedAndLeaveNoCarriageReturn() throws {
        let parts = try #require(splitParts("---\r\ntitle: A\r\ndescription: B\r\n---\r\nBody one\r\nBody two\r\n"))
        #expect(parts.yaml == "title: A\ndescription: B")
        #expect(parts.body == "Body one\nBody two\n")
        #expect(!parts.body.contains("\r"))
        #expect(parts.bodyStartLine == 5)
    }

    @Test func blankLinesBeforeTheOpeningFenceAreCountedInLineNumbers() throws {
        let parts = try #require(splitParts("\n\n---\ntitle: A\n---\nBody\n"))
        #expect(parts.yaml == "title: A")
        // The fence is on line 3, so YAML line 1 is file line 4.
        #expect(parts.yamlLineOffset == 3)
        #expect(parts.bodyStartLine == 6)
    }

    @Test func anUnterminatedFrontMatterNamesTheOpeningLine() {
        #expect(splitter.split("---\ntitle: A\nBody without a closing fence\n") == .failure(.unterminated(openingLine: 1)))
        #expect(splitter.split("\n\n---\ntitle: A\n") == .failure(.unterminated(openingLine: 3)))
    }

    @Test func textWithoutAnOpeningFenceIsRefused() {
        #expect(splitter.split("title: A\n---\nBody\n") == .failure(.missingOpeningFence))
        #expect(splitter.split("# Just Markdown\n") == .failure(.missingOpeningFence))
    }

    @Test func threeDotsAlsoCloseTheFrontMatter() throws {
        let parts = try #require(splitParts("---\ntitle: A\n...\nBody\n"))
        #expect(parts.yaml == "title: A")
        #expect(parts.body == "Body\n")
    }

    @Test func aHorizontalRuleInTheBodyIsNotMistakenForAFence() throws {
        let parts = try #require(splitParts("---\ntitle: A\n---\nAbove\n\n---\n\nBelow\n"))
        #expect(parts.body == "Above\n\n---\n\nBelow\n")
    }
}
