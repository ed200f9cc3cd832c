CREATE TABLE `answer_reviews` (
	`message_id` text PRIMARY KEY NOT NULL,
	`class_id` text NOT NULL,
	`teacher_id` text NOT NULL,
	`node_id` text NOT NULL,
	`normalised_text` text NOT NULL,
	`verdict` text NOT NULL,
	`misconception_id` text,
	`key_ideas` text DEFAULT '[]' NOT NULL,
	`tutor_verdict` text NOT NULL,
	`tutor_misconception_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`teacher_id`) REFERENCES `teachers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `answer_reviews_class_node_idx` ON `answer_reviews` (`class_id`,`node_id`);