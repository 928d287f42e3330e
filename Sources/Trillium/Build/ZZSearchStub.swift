// TEMPORARY stub until Search/ lands.
import Foundation
struct SearchDocument { var id: String; var url: String; var title: String; var fields: [SearchField] }
struct SearchField { var text: String; var weight: Int }
struct SearchIndex { func jsonData() -> Data { Data("{}".utf8) } }
enum SearchIndexBuilder { static func build(documents: [SearchDocument], language: Language) -> SearchIndex { SearchIndex() } }
