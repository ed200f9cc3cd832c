ALTER TABLE `messages` ADD `client_message_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `messages_session_client_id_idx` ON `messages` (`session_id`,`client_message_id`);