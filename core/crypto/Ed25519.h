#pragma once

// Convenience header: both halves of an Ed25519 key pair.
#include "crypto/Ed25519PrivateKey.h"
#include "crypto/Ed25519PublicKey.h"
