//! Reading articles: inputs, front matter, language, publication date, and the
//! map of every file read so far.

pub mod article;
pub mod front_matter;
pub mod input;
pub mod map;
pub mod problems;
pub mod project;
pub mod uri;
pub mod walk;

pub use article::{Article, DateOrigin, DocDate, LangOrigin};
pub use map::{FileKind, SourceFile, SourceMap};
