//! Values at the bottom of the house: what a claim or a fact states, read from
//! text by the readers above. They depend on nothing but `chrono` and `text`.

pub mod amount;
pub mod count;
pub mod date_range;
pub mod event_pin;
pub mod modality;

pub use amount::Amount;
pub use count::Count;
pub use date_range::DateRange;
pub use event_pin::EventPin;
pub use modality::Modality;
