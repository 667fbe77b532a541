//! Values worked out once per key for a whole build and shared by every thread: what the
//! quizzes and the views make again and again from the same part of the handbook. Only for
//! pure functions of the handbook: a value made twice (two threads at once) is the same
//! value, so the output is the same with or without the memo.

use std::hash::Hash;
use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;

/// Values made once per key (`Memo::get_or`).
#[derive(Debug)]
pub struct Memo<K, V>(Mutex<FxHashMap<K, Arc<V>>>);

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Self(Mutex::new(FxHashMap::default()))
    }
}

impl<K: Hash + Eq, V> Memo<K, V> {
    /// The value of `key`, where it was made.
    fn get<Q>(&self, key: &Q) -> Option<Arc<V>>
    where
        K: std::borrow::Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let found = self.0.lock().unwrap_or_else(|e| e.into_inner());
        found.get(key).map(Arc::clone)
    }

    /// `get_or` by a borrowed key (a text), owned only where the value is made.
    pub fn get_or_borrowed<Q>(&self, key: &Q, make: impl FnOnce() -> V) -> Arc<V>
    where
        K: std::borrow::Borrow<Q>,
        Q: Hash + Eq + ToOwned<Owned = K> + ?Sized,
    {
        match self.get(key) {
            Some(found) => found,
            None => {
                let made = make();
                self.get_or(key.to_owned(), || made)
            }
        }
    }

    /// The value of `key`, made by `make` the first time (outside the lock: another thread
    /// waits for no one; where two make it at once, the first kept is the one shared).
    pub fn get_or(&self, key: K, make: impl FnOnce() -> V) -> Arc<V> {
        let lock = || self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(v) = lock().get(&key) {
            return Arc::clone(v);
        }
        let made = Arc::new(make());
        Arc::clone(lock().entry(key).or_insert(made))
    }
}

#[cfg(test)]
mod tests {
    use super::Memo;

    #[test]
    fn a_value_is_made_once_and_shared() {
        let memo: Memo<&str, String> = Memo::default();
        let mut made = 0;
        let a = memo.get_or("k", || {
            made += 1;
            "v".to_string()
        });
        let b = memo.get_or("k", || {
            made += 1;
            "w".to_string()
        });
        assert_eq!((a.as_str(), b.as_str(), made), ("v", "v", 1));
        assert!(std::sync::Arc::ptr_eq(&a, &b));
        assert_eq!(memo.get_or("j", || "x".to_string()).as_str(), "x");
    }
}
